package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.meta.MetaTag;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any list of valid tags survives the IoTDisco claim string (XEP-0347 §3.9). */
class ClaimUriProperties {

    @Property(tries = 300)
    void claimStringsRoundTrip(@ForAll("tags") List<MetaTag> tags) {
        String claim = ClaimUri.encode(tags);
        assertThat(claim).startsWith(ClaimUri.PREFIX);
        assertThat(ClaimUri.decode(claim)).isEqualTo(tags);
    }

    @Provide
    Arbitrary<List<MetaTag>> tags() {
        return new ElementProperties().tags();
    }
}
