package io.github.xmppiot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.w3c.dom.Element;

/** The corners of {@link StanzaFuzz}, {@link RawStanzas} and {@link XepExamples} the fuzz contract relies on. */
class StanzaFuzzEdgesTest {

    static final String NS = "urn:example:edge";

    @TempDir
    Path dir;

    @Test
    void attributeMutationsOfAPayloadWithoutAttributesAddAnUnknownChildInstead() {
        String payload = "<ping xmlns='" + NS + "'><inner/></ping>";
        for (StanzaFuzz.Kind kind :
                List.of(StanzaFuzz.Kind.DROP_ATTRIBUTE, StanzaFuzz.Kind.WRONG_TYPE, StanzaFuzz.Kind.HUGE_VALUE)) {
            assertThat(StanzaFuzz.mutate(payload, new StanzaFuzz.Mutation(kind, 0, 0)))
                    .as(kind.name())
                    .isEqualTo("<ping xmlns=\"" + NS
                            + "\"><inner/><gadget value=\"1\" xmlns=\"urn:example:unknown\">text</gadget></ping>");
        }
    }

    @Test
    void anUnknownChildOfAnOddSizeIsInTheElementsOwnNamespace() {
        String payload = "<ping xmlns='" + NS + "'><inner/></ping>";
        String mutated = StanzaFuzz.mutate(payload, new StanzaFuzz.Mutation(StanzaFuzz.Kind.UNKNOWN_CHILD, 1, 9));

        Element inner = XepExamples.firstChild(XepExamples.parse(mutated));
        Element child = XepExamples.firstChild(inner);
        assertThat(child.getLocalName()).isEqualTo("unknownChild2");
        assertThat(child.getNamespaceURI()).isEqualTo(NS);
        assertThat(child.getTextContent()).isEqualTo("text");
    }

    @Test
    void aHugeValueIsAtLeastOneCharacterAndNamespaceDeclarationsAreNeverMutated() {
        String payload = "<ping xmlns='" + NS + "' a='x'/>";
        assertThat(StanzaFuzz.mutate(payload, new StanzaFuzz.Mutation(StanzaFuzz.Kind.HUGE_VALUE, 0, 0)))
                .contains("a=\"9\"")
                .contains("xmlns=\"" + NS + "\"");
        assertThat(StanzaFuzz.mutate(payload, new StanzaFuzz.Mutation(StanzaFuzz.Kind.HUGE_VALUE, 0, 1 << 30)))
                .contains("9".repeat(StanzaFuzz.MAX_HUGE) + "\"");
        assertThat(StanzaFuzz.mutate(payload, new StanzaFuzz.Mutation(StanzaFuzz.Kind.DROP_ATTRIBUTE, 1, 0)))
                .isEqualTo("<ping xmlns=\"" + NS + "\"/>");
        assertThatThrownBy(() -> new StanzaFuzz.Mutation(StanzaFuzz.Kind.DEEP_NESTING, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StanzaFuzz.Mutation(StanzaFuzz.Kind.DEEP_NESTING, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void samplesInReadsTheXmlFilesInNameOrderAndSkipsBrokenOnes() throws Exception {
        Files.writeString(dir.resolve("b.xml"), "<message to='x@y'><b xmlns='" + NS + "'/></message>");
        Files.writeString(dir.resolve("a.xml"), "<iq type='set' id='1'><a xmlns='" + NS + "'/></iq>");
        Files.writeString(dir.resolve("c.xml"), "<message><broken></message>");
        Files.writeString(dir.resolve("d.txt"), "<message><d xmlns='" + NS + "'/></message>");

        List<StanzaFuzz.Sample> samples = StanzaFuzz.samplesIn(dir);

        assertThat(samples).extracting(StanzaFuzz.Sample::stanza).containsExactly("iq", "message");
        assertThat(samples.get(0).iqType()).isEqualTo("set");
        assertThat(samples.get(0).isRequest()).isTrue();
        assertThat(samples.get(1).payload()).contains("<b ");
        assertThatThrownBy(() -> StanzaFuzz.samplesIn(dir.resolve("missing")))
                .hasMessageContaining("Cannot read examples in");
    }

    @Test
    void theWholeStanzaCarriesTheIqTypeOnlyForIqs() {
        StanzaFuzz.Sample iq = new StanzaFuzz.Sample("iq", "get", "<q xmlns='" + NS + "'/>");
        StanzaFuzz.Sample message = new StanzaFuzz.Sample("message", null, "<q xmlns='" + NS + "'/>");

        assertThat(StanzaFuzz.stanza(iq, iq.payload()))
                .isEqualTo("<iq xmlns='jabber:client' type='get' id='fuzz-1' from='stranger@example.org/x'"
                        + " to='device@example.org/d'><q xmlns='" + NS + "'/></iq>");
        assertThat(StanzaFuzz.stanza(message, "<p/>"))
                .isEqualTo("<message xmlns='jabber:client' id='fuzz-1' from='stranger@example.org/x'"
                        + " to='device@example.org/d'><p/></message>");
        assertThat(new StanzaFuzz.Sample("iq", "result", "<q/>").isRequest()).isFalse();
    }

    @Test
    void parseAsReceivedParsesDropsOrReportsAProviderThatFailsOtherwise() {
        StanzaFuzz.Sample message = new StanzaFuzz.Sample("message", null, "");
        assertThat(StanzaFuzz.parseAsReceived(StanzaFuzz.stanza(message, "<body>hi</body>")))
                .hasValueSatisfying(s -> assertThat(((Message) s).getBody()).isEqualTo("hi"));
        assertThat(StanzaFuzz.parseAsReceived("<message xmlns='jabber:client'><body>"))
                .isEmpty();

        ProviderManager.addExtensionProvider("boom", NS, new ExtensionElementProvider<ExtensionElement>() {
            @Override
            public ExtensionElement parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment) {
                throw new IllegalStateException("provider bug");
            }
        });
        try {
            String shortStanza = StanzaFuzz.stanza(message, "<boom xmlns='" + NS + "'/>");
            assertThatThrownBy(() -> StanzaFuzz.parseAsReceived(shortStanza))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("A provider failed with java.lang.IllegalStateException: provider bug")
                    .hasMessageEndingWith(shortStanza);
            String longStanza = StanzaFuzz.stanza(message, "<boom xmlns='" + NS + "' v='" + "x".repeat(600) + "'/>");
            assertThatThrownBy(() -> StanzaFuzz.parseAsReceived(longStanza))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageEndingWith(longStanza.substring(0, 500) + "…");
        } finally {
            ProviderManager.removeExtensionProvider("boom", NS);
        }
    }

    @Test
    void rawIqsCarryTypeAddresseeAttributesAndAnEmptyPayloadAsWritten() throws Exception {
        IQ iq = RawStanzas.iq("<ping xmlns='urn:xmpp:ping' a='1'/>", IQ.Type.set, JidCreate.from("d@example.org/r"));

        assertThat(iq.getType()).isEqualTo(IQ.Type.set);
        assertThat(iq.getTo().toString()).isEqualTo("d@example.org/r");
        assertThat(iq.toXML().toString()).contains("<ping xmlns='urn:xmpp:ping' a='1'/>");
        ExtensionElement e = RawStanzas.element("x", NS, "<x xmlns='" + NS + "'>1</x>");
        assertThat(e.getElementName()).isEqualTo("x");
        assertThat(e.getNamespace()).isEqualTo(NS);
        assertThat(RawStanzas.message("<x xmlns='" + NS + "'>1</x>", JidCreate.from("d@example.org"))
                        .getExtension("x", NS)
                        .toXML()
                        .toString())
                .isEqualTo("<x xmlns='" + NS + "'>1</x>");
    }

    @Test
    void xmlIsParsedWithNamespacesWithoutDoctypesAndRemovesNestedElisions() {
        Element root = XepExamples.parse("<a xmlns='" + NS + "'><b><c>x</c>...</b></a>");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(root.getLocalName()).isEqualTo("a");
        XepExamples.removeElisions(root);
        assertThat(XepExamples.serialize(root)).isEqualTo("<a xmlns=\"" + NS + "\"><b><c>x</c></b></a>");
        assertThatThrownBy(() -> XepExamples.parse("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not XML");
        String deep = "<d>".repeat(300) + "</d>".repeat(300);
        assertThat(XepExamples.parse(deep).getLocalName()).isEqualTo("d");
    }
}
