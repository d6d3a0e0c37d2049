package io.github.xmppiot.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.field.FieldCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** What XEP-0324 §3.3 canRead and §3.4 canControl ask, as a policy sees it. */
class AccessRequestTest {

    private static final Jid WHO = JidCreate.fromOrThrowUnchecked("client@example.org/r");

    @Test
    void aReadCarriesFieldsAndCategories() {
        AccessRequest r = AccessRequest.read(
                WHO, null, List.of(NodeRef.of("n")), Set.of("t"), EnumSet.of(FieldCategory.MOMENTARY));
        assertThat(r.kind()).isEqualTo(AccessRequest.Kind.READ);
        assertThat((Object) r.requester()).isEqualTo(WHO);
        assertThat(r.tokens()).isSameAs(Tokens.NONE);
        assertThat(r.nodes()).containsExactly(NodeRef.of("n"));
        assertThat(r.names()).containsExactly("t");
        assertThat(r.categories()).containsExactly(FieldCategory.MOMENTARY);
        assertThatThrownBy(() -> r.categories().add(FieldCategory.PEAK))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aControlHasNoCategories() {
        Tokens tokens = new Tokens(List.of("s"), List.of(), List.of());
        AccessRequest r = AccessRequest.control(WHO, tokens, List.of(), Set.of("on"));
        assertThat(r.kind()).isEqualTo(AccessRequest.Kind.CONTROL);
        assertThat(r.tokens()).isSameAs(tokens);
        assertThat(r.names()).containsExactly("on");
        assertThat(r.categories()).isEmpty();
        assertThat(AccessRequest.read(WHO, tokens, List.of(), Set.of(), null).categories())
                .isEmpty();
    }

    @Test
    void kindAndRequesterAreRequired() {
        assertThatThrownBy(() -> new AccessRequest(null, WHO, null, List.of(), Set.of(), Set.of()))
                .hasMessage("kind");
        assertThatThrownBy(() -> AccessRequest.control(null, null, List.of(), Set.of()))
                .hasMessage("requester");
    }
}
