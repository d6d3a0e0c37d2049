package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import io.github.xmppiot.testkit.StanzaFuzz;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.packet.Stanza;

/**
 * Every provider of this module, fed mutations of the XEP examples (dropped attributes, wrong types, unknown
 * children, deep nesting, huge values), either parses the stanza or fails with a parse exception, which a connection
 * drops without losing its stream; nothing else escapes.
 */
class ProviderFuzzProperties {

    static final List<StanzaFuzz.Sample> SAMPLES;

    static {
        SensorDataProviders.register();
        try {
            SAMPLES = StanzaFuzz.samplesIn(Path.of(ProviderFuzzProperties.class.getResource("/xep-examples").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<StanzaFuzz.Sample> samples() {
        return Arbitraries.of(SAMPLES);
    }

    @Provide
    static Arbitrary<StanzaFuzz.Mutation> mutations() {
        return Combinators.combine(Arbitraries.of(StanzaFuzz.Kind.class), Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 30_000)).as(StanzaFuzz.Mutation::new);
    }

    @Property(tries = 400)
    void providersParseOrFailWithAParseException(@ForAll("samples") StanzaFuzz.Sample sample,
            @ForAll("mutations") StanzaFuzz.Mutation mutation) {
        String xml = StanzaFuzz.stanza(sample, StanzaFuzz.mutate(sample.payload(), mutation));
        Optional<Stanza> parsed = StanzaFuzz.parseAsReceived(xml);
        parsed.ifPresent(s -> assertThat(s.getStanzaId()).isEqualTo("fuzz-1"));
    }

    @Property(tries = 50)
    void theUnmutatedExamplesParseOrAreDropped(@ForAll("samples") StanzaFuzz.Sample sample) {
        // a few XEP examples are invalid for their own XEP (the modules keep corrected copies): those are dropped
        StanzaFuzz.parseAsReceived(StanzaFuzz.stanza(sample, sample.payload()))
                .ifPresent(s -> assertThat(s.getStanzaId()).isEqualTo("fuzz-1"));
    }
}
