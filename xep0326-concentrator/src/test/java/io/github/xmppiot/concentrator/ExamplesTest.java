package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.provider.ConcentratorResponseProvider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.core.xml.MalformedRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every XEP-0326 example parses into typed elements, and re-serialises to equivalent XML (XEP-0326 §3). */
class ExamplesTest {

    static Stream<Path> examples() throws Exception {
        return ExampleCorpus.files().stream();
    }

    static Stream<Path> knownCommandExamples() throws Exception {
        return examples().filter(p -> !p.getFileName().toString().startsWith("xep-0326-example-107"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownCommandExamples")
    void everyPayloadParsesAndRoundTrips(Path file) throws Exception {
        List<Stanza> stanzas = ExampleCorpus.stanzas(file);
        assertThat(stanzas).isNotEmpty();
        List<String> typedXml = new ArrayList<>();
        for (Stanza s : stanzas) {
            for (ExtensionElement payload : payloads(s)) {
                typedXml.add(payload.toXML().toString());
            }
            if (s instanceof IQ iq && ExampleCorpus.NS.equals(iq.getChildElementNamespace())) {
                assertThat(iq).as("%s: %s", file.getFileName(), iq.getChildElementName())
                        .isNotInstanceOf(MalformedRequest.class)
                        .isInstanceOfAny(ConcentratorRequest.class, ConcentratorResponse.class);
                if (iq instanceof ConcentratorResponse r) {
                    assertThat(r.result()).isNotNull();
                    assertThat(r.resultAttribute()).as("response parsed cleanly").isPresent();
                }
                typedXml.add(childXml(iq));
            }
        }
        List<String> expected = ExampleCorpus.payloads(ExampleCorpus.wrapped(file));
        assertThat(typedXml).as("payload count of %s", file.getFileName()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Optional<String> diff = XmlCompare.difference(expected.get(i), typedXml.get(i));
            assertThat(diff).as("%s payload %d:\n%s\n---\n%s", file.getFileName(), i, expected.get(i), typedXml.get(i)).isEmpty();
        }
    }

    @Test
    void unknownCommandExampleAnswersNotImplemented() throws Exception {
        Path file = examples().filter(p -> p.getFileName().toString().startsWith("xep-0326-example-107")).findFirst().orElseThrow();
        List<String> payloads = ExampleCorpus.payloads(ExampleCorpus.wrapped(file));
        assertThat(payloads).hasSize(2);
        assertThat(ConcentratorCommand.fromElement("holabandola")).isEmpty();
        XmlPullParser parser = PacketParserUtils.getParserFor(payloads.get(1));
        ConcentratorResponse r = ConcentratorResponseProvider.INSTANCE.parse(parser, parser.getDepth(), null, org.jivesoftware.smack.packet.XmlEnvironment.EMPTY);
        assertThat(r.element()).isEqualTo("holabandolaResponse");
        assertThat(r.command()).isEmpty();
        assertThat(r.result()).isEqualTo(ResultCode.NOT_IMPLEMENTED);
        assertThat(XmlCompare.difference(payloads.get(1), childXml(r))).isEmpty();
    }

    private static List<ExtensionElement> payloads(Stanza s) {
        List<ExtensionElement> out = new ArrayList<>();
        if (s instanceof Message m) {
            for (ExtensionElement e : m.getExtensions()) {
                if (ExampleCorpus.NS.equals(e.getNamespace())) {
                    assertThat(e).isInstanceOfAny(NodeEvent.class, QueryProgress.class);
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The IQ's payload element alone, without the {@code <error/>} this SDK adds to failures. */
    private static String childXml(IQ iq) {
        String whole = iq.toXML().toString();
        List<String> p = ExampleCorpus.payloads(whole, false);
        assertThat(p).hasSize(1);
        return p.get(0);
    }
}
