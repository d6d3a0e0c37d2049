package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.QueryProgress;
import io.github.xmppiot.concentrator.element.ResultCode;
import io.github.xmppiot.concentrator.provider.ConcentratorProviders;
import io.github.xmppiot.concentrator.provider.ConcentratorResponseProvider;
import io.github.xmppiot.core.xml.MalformedRequest;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.testkit.XepExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Every XEP-0326 example parses into typed elements, and re-serializes to equivalent XML (XEP-0326 §3). */
class ExamplesTest {

    static final String NS = "urn:xmpp:iot:concentrators";

    static {
        ConcentratorProviders.register();
    }

    static Stream<String> examples() {
        return XepExamples.files(326).stream();
    }

    static Stream<String> knownCommandExamples() {
        return examples().filter(f -> !f.startsWith("xep-0326-example-107"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownCommandExamples")
    void everyPayloadParsesAndRoundTrips(String file) throws Exception {
        List<Stanza> stanzas = XepExamples.parseStanzas(withoutElisionLines(file));
        assertThat(stanzas).isNotEmpty();
        List<String> typedXml = new ArrayList<>();
        for (Stanza s : stanzas) {
            for (ExtensionElement payload : payloads(s)) {
                typedXml.add(payload.toXML().toString());
            }
            if (s instanceof IQ iq && NS.equals(iq.getChildElementNamespace())) {
                assertThat(iq)
                        .as("%s: %s", file, iq.getChildElementName())
                        .isNotInstanceOf(MalformedRequest.class)
                        .isInstanceOfAny(ConcentratorRequest.class, ConcentratorResponse.class);
                if (iq instanceof ConcentratorResponse r) {
                    assertThat(r.result()).isNotNull();
                    assertThat(r.resultAttribute())
                            .as("response parsed cleanly")
                            .isPresent();
                }
                typedXml.add(childXml(iq));
            }
        }
        List<String> expected = payloads(XepExamples.wrap(withoutElisionLines(file)), true);
        assertThat(typedXml).as("payload count of %s", file).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Optional<String> diff = XmlCompare.difference(expected.get(i), typedXml.get(i));
            assertThat(diff)
                    .as("%s payload %d:\n%s\n---\n%s", file, i, expected.get(i), typedXml.get(i))
                    .isEmpty();
        }
    }

    @Test
    void unknownCommandExampleAnswersNotImplemented() throws Exception {
        String file = examples()
                .filter(f -> f.startsWith("xep-0326-example-107"))
                .findFirst()
                .orElseThrow();
        List<String> payloads = payloads(XepExamples.wrap(withoutElisionLines(file)), true);
        assertThat(payloads).hasSize(2);
        assertThat(ConcentratorCommand.fromElement("holabandola")).isEmpty();
        XmlPullParser parser = PacketParserUtils.getParserFor(payloads.get(1));
        ConcentratorResponse r = ConcentratorResponseProvider.INSTANCE.parse(
                parser, parser.getDepth(), null, org.jivesoftware.smack.packet.XmlEnvironment.EMPTY);
        assertThat(r.element()).isEqualTo("holabandolaResponse");
        assertThat(r.command()).isEmpty();
        assertThat(r.result()).isEqualTo(ResultCode.NOT_IMPLEMENTED);
        assertThat(XmlCompare.difference(payloads.get(1), childXml(r))).isEmpty();
    }

    private static List<ExtensionElement> payloads(Stanza s) {
        List<ExtensionElement> out = new ArrayList<>();
        if (s instanceof Message m) {
            for (ExtensionElement e : m.getExtensions()) {
                if (NS.equals(e.getNamespace())) {
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
        List<String> p = payloads(whole, false);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    /** The example's text without the lines that hold only the XEP's {@code ...} elision. */
    private static String withoutElisionLines(String file) {
        return XepExamples.text(file).replaceAll("(?m)^\\s*\\.\\.\\.\\s*$", "");
    }

    /**
     * The XEP-0326 payload elements (children of each stanza in the 0326 namespace) of one stanza or of several wrapped
     * in a root, serialized without elisions; forms are passed through Smack's form provider and serializer only if
     * {@code normalizeForms}.
     */
    private static List<String> payloads(String xml, boolean normalizeForms) {
        Element root = XepExamples.parse(xml);
        List<Element> stanzas = root.getLocalName().equals("stanzas") ? XepExamples.children(root) : List.of(root);
        List<String> out = new ArrayList<>();
        for (Element stanza : stanzas) {
            for (Element payload : XepExamples.children(stanza, NS)) {
                XepExamples.removeElisions(payload);
                if (normalizeForms) {
                    normalizeForms(payload);
                }
                out.add(XepExamples.serialize(payload));
            }
        }
        return out;
    }

    /**
     * Replaces each data form by Smack's own serialization of it: Smack omits field types that are implied and writes
     * the XEP-0141 layout after the fields, so forms are compared after one pass through Smack's form provider.
     */
    private static void normalizeForms(Element payload) {
        for (Node c = payload.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element x && "x".equals(x.getLocalName()) && "jabber:x:data".equals(x.getNamespaceURI())) {
                try {
                    DataForm form =
                            DataFormProvider.INSTANCE.parse(PacketParserUtils.getParserFor(XepExamples.serialize(x)));
                    Node imported = payload.getOwnerDocument()
                            .importNode(XepExamples.parse(form.toXML().toString()), true);
                    payload.replaceChild(imported, x);
                    c = imported;
                } catch (Exception e) {
                    throw new IllegalStateException("form does not parse: " + e, e);
                }
            }
        }
    }
}
