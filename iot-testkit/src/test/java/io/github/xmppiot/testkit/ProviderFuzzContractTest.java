package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/**
 * The provider fuzz contract's parts, called directly over the kit's example folder (the generic XEP 9999 examples)
 * rather than as properties, which the XEP modules run.
 */
class ProviderFuzzContractTest {

    static final String NS = "urn:example:q";

    @Test
    void creatingTheContractRegistersTheProvidersOnce() {
        AtomicInteger registrations = new AtomicInteger();
        new ProviderFuzzContract(registrations::incrementAndGet) {};

        assertThat(registrations).hasValue(1);
        assertThatThrownBy(() -> new ProviderFuzzContract(null) {})
                .isInstanceOf(NullPointerException.class)
                .hasMessage("registerProviders");
    }

    @Test
    void theArbitrariesDrawExamplePayloadsAndBoundedMutations() {
        ProviderFuzzContract contract = new ProviderFuzzContract(() -> {}) {};
        List<StanzaFuzz.Sample> folder = StanzaFuzz.samplesIn(XepExamples.folder());

        assertThat(contract.samples().sampleStream().limit(50)).isSubsetOf(folder);
        assertThat(contract.mutations().sampleStream().limit(200)).allSatisfy(m -> {
            assertThat(m.target()).isBetween(0, ProviderFuzzContract.MAX_TARGET);
            assertThat(m.size()).isBetween(0, ProviderFuzzContract.MAX_SIZE);
        });
    }

    @Test
    void everyExampleAndAMutationOfItParseOrAreDropped() {
        ProviderFuzzContract contract = new ProviderFuzzContract(() -> {}) {};
        for (StanzaFuzz.Sample sample : StanzaFuzz.samplesIn(XepExamples.folder())) {
            contract.theUnmutatedExamplesParseOrAreDropped(sample);
            for (StanzaFuzz.Kind kind : StanzaFuzz.Kind.values()) {
                contract.providersParseOrFailWithAParseException(sample, new StanzaFuzz.Mutation(kind, 1, 40));
            }
        }
    }

    @Test
    void aProviderThatFailsWithAnythingButAParseExceptionBreaksTheContract() {
        ProviderFuzzContract contract = new ProviderFuzzContract(() ->
                ProviderManager.addExtensionProvider("q", NS, new ExtensionElementProvider<ExtensionElement>() {
                    @Override
                    public ExtensionElement parse(
                            XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
                        throw new IllegalStateException("provider bug");
                    }
                })) {};
        try {
            StanzaFuzz.Sample message = new StanzaFuzz.Sample("message", null, "<q xmlns='" + NS + "'/>");
            assertThatThrownBy(() -> contract.theUnmutatedExamplesParseOrAreDropped(message))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("provider bug");
            assertThatThrownBy(() -> contract.providersParseOrFailWithAParseException(
                            message, new StanzaFuzz.Mutation(StanzaFuzz.Kind.UNKNOWN_CHILD, 0, 0)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("provider bug");
        } finally {
            ProviderManager.removeExtensionProvider("q", NS);
        }
    }
}
