package io.github.xmppiot.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.element.GetFormRequest;
import io.github.xmppiot.control.element.SetRequest;
import io.github.xmppiot.control.element.SetResponse;
import io.github.xmppiot.control.internal.ErrorReader;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.testkit.XepExamples;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** Every XEP-0325 example parses, and every IoT payload round-trips as XML. */
class ExamplesTest {

    static {
        io.github.xmppiot.control.provider.ControlProviders.register();
    }

    static List<String> files() {
        return XepExamples.files(325);
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyStanzaParsesAndEveryControlPayloadRoundTrips(String file) throws Exception {
        List<Element> elements = XepExamples.stanzaElements(file);
        List<Stanza> stanzas = XepExamples.stanzas(file);
        assertThat(stanzas).hasSameSizeAs(elements).isNotEmpty();
        for (int i = 0; i < stanzas.size(); i++) {
            Stanza s = stanzas.get(i);
            Element original = elements.get(i);
            String actual = payloadXml(s);
            if (actual == null) {
                continue;
            }
            String expected = s instanceof IQ iq && iq.getType() == IQ.Type.error
                    ? XepExamples.serialize(XepExamples.firstChild(original))
                    : payloadWithoutLang(original);
            assertThat(XmlCompare.difference(expected, actual))
                    .as(file + " stanza " + i)
                    .isEmpty();
        }
    }

    /** The payload of a stanza without the xml:lang attribute (a request's language choice is not retained). */
    private static String payloadWithoutLang(Element stanza) {
        Element p = XepExamples.firstChild(stanza);
        p.removeAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        return XepExamples.serialize(p);
    }

    private static String payloadXml(Stanza s) {
        if (s instanceof Message m) {
            ControlSet set = (ControlSet) m.getExtensionElement(ControlSet.ELEMENT, ControlSet.NAMESPACE);
            assertThat(set).isNotNull();
            return set.toXML().toString();
        }
        IQ iq = (IQ) s;
        if (iq.getType() == IQ.Type.error) {
            return iq.getError().toXML().toString();
        }
        if (iq instanceof SetRequest
                || iq instanceof SetResponse
                || iq instanceof GetFormRequest
                || iq instanceof ControlFormResponse) {
            return iq.getChildElementXML().toString();
        }
        assertThat(iq.getChildElementNamespace()).isEqualTo("http://jabber.org/protocol/disco#info");
        return null;
    }

    @Test
    void typedParametersOfTheExamplesHaveTheirTypesAndValues() throws Exception {
        Map<String, ValueType> types = Map.of(
                "xep-0325-example-05.xml",
                ValueType.INT,
                "xep-0325-example-06.xml",
                ValueType.LONG,
                "xep-0325-example-07.xml",
                ValueType.STRING,
                "xep-0325-example-08.xml",
                ValueType.DOUBLE,
                "xep-0325-example-09.xml",
                ValueType.DATE,
                "xep-0325-example-10.xml",
                ValueType.TIME,
                "xep-0325-example-11.xml",
                ValueType.DATE_TIME,
                "xep-0325-example-12.xml",
                ValueType.DURATION,
                "xep-0325-example-13.xml",
                ValueType.COLOR);
        for (var e : types.entrySet()) {
            ControlSet set = set(e.getKey());
            assertThat(set.parameters()).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(e.getValue());
                assertThat(p.value().type()).isEqualTo(e.getValue());
            });
        }
        assertThat(set("xep-0325-example-13.xml").parameters().get(0).value())
                .isEqualTo(ColorValue.rgb(0x33, 0x99, 0xFF));
        assertThat(set("xep-0325-example-04.xml").parameters().get(0).value()).isEqualTo(BooleanValue.TRUE);
        assertThat(set("xep-0325-example-14.xml").parameters())
                .extracting(p -> p.name())
                .containsExactly("FadeTimeMilliseconds", "OutputPercent");
        assertThat(set("xep-0325-example-20.xml").nodes())
                .containsExactly(
                        NodeRef.of("DigitalOutput1"),
                        NodeRef.of("DigitalOutput2"),
                        NodeRef.of("DigitalOutput3"),
                        NodeRef.of("DigitalOutput4"));
    }

    @Test
    void errorsOfTheExamplesBecomeControlExceptionsWithEveryParamError() throws Exception {
        ControlException e = error("xep-0325-example-18-fixed.xml");
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(e.type()).isEqualTo(StanzaError.Type.MODIFY);
        assertThat(e.parameterErrors()).containsExactly(Map.entry("OutputPercent", "Invalid parameter value."));
        assertThat(error("xep-0325-example-21-fixed.xml").parameterErrors()).containsOnlyKeys("Output");
        ControlException forbidden = error("xep-0325-example-16.xml");
        assertThat(forbidden.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(forbidden.getMessage()).isEqualTo("Access denied.");
        assertThat(error("xep-0325-example-23.xml").condition())
                .isEqualTo(StanzaError.Condition.feature_not_implemented);
    }

    @Test
    void smacksBoolElementIsReadAsBooleanAndWrittenAsBoolean() throws Exception {
        Message m = (Message)
                org.jivesoftware.smack.util.PacketParserUtils.parseStanza(
                        "<message to='a@b/c'><set xmlns='urn:xmpp:iot:control'><bool name='Output' value='1'/></set></message>");
        ControlSet set = (ControlSet) m.getExtensionElement(ControlSet.ELEMENT, ControlSet.NAMESPACE);
        assertThat(set.parameters().get(0).value()).isEqualTo(BooleanValue.TRUE);
        assertThat(XmlCompare.difference(
                        "<set xmlns='urn:xmpp:iot:control'><boolean name='Output' value='1'/></set>",
                        set.toXML().toString()))
                .isEmpty();
    }

    private static ControlSet set(String file) throws Exception {
        Stanza s = XepExamples.stanzas(file).get(0);
        return s instanceof SetRequest r
                ? r.controlSet()
                : (ControlSet) s.getExtensionElement(ControlSet.ELEMENT, ControlSet.NAMESPACE);
    }

    private static ControlException error(String file) throws Exception {
        List<Stanza> stanzas = XepExamples.stanzas(file);
        return ErrorReader.toControlException(stanzas.get(stanzas.size() - 1).getError());
    }
}
