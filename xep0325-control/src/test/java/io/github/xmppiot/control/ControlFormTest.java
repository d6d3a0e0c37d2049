package io.github.xmppiot.control;

import static io.github.xmppiot.control.Fixtures.CLIENT;
import static io.github.xmppiot.control.Fixtures.failure;
import static io.github.xmppiot.control.Fixtures.processor;
import static io.github.xmppiot.control.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.control.element.ControlFormResponse;
import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.control.provider.ControlProviders;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.xml.XmlCompare;
import io.github.xmppiot.testkit.XepExamples;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Control forms: building on the Thing side, reading and submitting on the client side. */
class ControlFormTest {

    static {
        ControlProviders.register();
    }

    private static final String XDV = "http://jabber.org/protocol/xdata-validate";
    private final Devices devices = new Devices();

    @Test
    void theDimmerFormIsExample15WithValidationOnEveryParameter() throws Exception {
        DataForm form =
                value(processor(ThingDirectory.of(devices.dimmer("Dimmer"))).form(CLIENT, Tokens.NONE, List.of()));
        Element expected = XepExamples.firstChild(
                XepExamples.stanzaElements("xep-0325-example-15-fixed.xml").get(1));
        // Deliberate differences from the example: no XEP-0336 session (the form has no post-back fields), the
        // fieldref typo of the example fixed (CHECKLIST 9.3 #2), and xs:boolean validation on MainSwitch (XEP-0325
        // requires XEP-0122 validation on every parameter).
        removeField(expected, "xdd session");
        ((Element) expected.getElementsByTagNameNS("http://jabber.org/protocol/xdata-layout", "fieldref")
                        .item(0))
                .setAttribute("var", "FadeTimeMilliseconds");
        Element mainSwitch = field(expected, "MainSwitch");
        Element validate = expected.getOwnerDocument().createElementNS(XDV, "xdv:validate");
        validate.setAttribute("datatype", "xs:boolean");
        validate.appendChild(expected.getOwnerDocument().createElementNS(XDV, "xdv:basic"));
        mainSwitch.insertBefore(
                validate,
                mainSwitch
                        .getElementsByTagNameNS("urn:xmpp:xdata:dynamic", "notSame")
                        .item(0));
        assertThat(XmlCompare.difference(
                        XepExamples.serialize(expected),
                        new ControlFormResponse(form).getChildElementXML().toString()))
                .isEmpty();
    }

    @Test
    void theSpotlightFormDescribesTheParametersOfExample28() throws Exception {
        DataForm ours = value(
                processor(ThingDirectory.of(devices.spotlight("Spotlight"))).form(CLIENT, Tokens.NONE, List.of()));
        ControlFormResponse theirs = (ControlFormResponse)
                XepExamples.stanzas("xep-0325-example-28-fixed.xml").get(1);
        List<ParameterDescription> expected = describe(theirs.form());
        List<ParameterDescription> actual = describe(ours);
        assertThat(actual).isEqualTo(expected);
        ParameterDescription h = actual.get(1);
        assertThat(h.type()).isEqualTo(ValueType.DOUBLE);
        assertThat(h.min()).isEqualTo(new DoubleValue(-180));
        assertThat(h.group()).isEqualTo("direction");
        assertThat(h.page()).isEqualTo("Direction");
        assertThat(h.notSame()).isTrue();
        assertThat(actual.get(0).type()).isEqualTo(ValueType.BOOLEAN);
    }

    @Test
    void severalNodesGetTheCommonParametersOrFeatureNotImplemented() throws Exception {
        ThingDirectory hub = ThingDirectory.of(
                devices.digitalOutput("DigitalOutput1"),
                devices.digitalOutput("DigitalOutput2"),
                devices.digitalOutput("DigitalOutput3"),
                devices.digitalOutput("DigitalOutput4"),
                devices.analogOutput("AnalogOutput1"));
        List<NodeRef> digital = List.of(
                NodeRef.of("DigitalOutput1"),
                NodeRef.of("DigitalOutput2"),
                NodeRef.of("DigitalOutput3"),
                NodeRef.of("DigitalOutput4"));
        devices.state.put("DigitalOutput1/Output", io.github.xmppiot.core.value.BooleanValue.TRUE);
        DataForm form = value(processor(hub).form(CLIENT, Tokens.NONE, digital));
        Element expected = XepExamples.firstChild(
                XepExamples.stanzaElements("xep-0325-example-22-fixed.xml").get(1));
        removeField(expected, "xdd session");
        assertThat(form.getTitle()).isEqualTo("DigitalOutput1, DigitalOutput2, ...");
        assertThat(describe(form)).isEqualTo(describe(toForm(expected)));

        IotErrorException e = failure(processor(hub)
                .form(CLIENT, Tokens.NONE, List.of(NodeRef.of("DigitalOutput1"), NodeRef.of("AnalogOutput1"))));
        assertThat(e.condition()).isEqualTo(Condition.feature_not_implemented);
    }

    @Test
    void colourParametersUseTheXep0331Datatypes() throws Exception {
        DataForm form =
                value(processor(ThingDirectory.of(devices.allTypes("D"))).form(CLIENT, Tokens.NONE, List.of()));
        String xml = new ControlFormResponse(form).getChildElementXML().toString();
        assertThat(xml).contains("xmlns:xdc='urn:xmpp:xdata:color'").contains("datatype='xdc:Color'");
        ControlFormResponse reparsed = (ControlFormResponse) org.jivesoftware.smack.util.PacketParserUtils.parseStanza(
                "<iq type='result' id='1' from='a@b/c'>" + xml + "</iq>");
        List<ParameterDescription> described = describe(reparsed.form());
        assertThat(described)
                .extracting(ParameterDescription::type)
                .containsExactly(
                        ValueType.BOOLEAN,
                        ValueType.COLOR,
                        ValueType.DATE,
                        ValueType.DATE_TIME,
                        ValueType.DOUBLE,
                        ValueType.DURATION,
                        ValueType.INT,
                        ValueType.LONG,
                        ValueType.STRING,
                        ValueType.TIME);
        assertThat(described.get(1).current()).isEqualTo(ColorValue.rgb(0, 0, 0));
    }

    @Test
    void aFormIsRefusedToStrangers() throws Exception {
        IotErrorException e = failure(processor(
                        ThingDirectory.of(devices.dimmer("Dimmer")),
                        r -> CompletableFuture.completedFuture(AccessDecision.deny()))
                .form(CLIENT, Tokens.NONE, List.of()));
        assertThat(e.condition()).isEqualTo(Condition.forbidden);
    }

    @Test
    void aSubmissionCarriesOnlyEditedFieldsAndHiddenFieldsAndIsExample17() throws Exception {
        ControlFormResponse received = (ControlFormResponse)
                XepExamples.stanzas("xep-0325-example-15-fixed.xml").get(1);
        ControlForm form =
                ControlForm.of(JidCreate.from("dimmer@example.org"), List.of(), Tokens.NONE, received.form());
        assertThat(form.parameter("OutputPercent").orElseThrow().max()).isEqualTo(new IntValue(100));
        ControlSet set = form.edit()
                .set("OutputPercent", 10)
                .set("FadeTimeMilliseconds", 500)
                .toElement();
        Element expected = XepExamples.firstChild(
                XepExamples.stanzaElements("xep-0325-example-17.xml").get(0));
        expected.removeAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
        assertThat(XmlCompare.difference(
                        XepExamples.serialize(expected), set.toXML().toString()))
                .isEmpty();

        assertThatThrownBy(() -> form.edit().set("OutputPercent", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> form.edit().set("Nope", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> form.edit().toElement()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSubmittedFormIsAppliedByTheThing() throws Exception {
        var processor = processor(ThingDirectory.of(devices.dimmer("Dimmer")));
        DataForm served = value(processor.form(CLIENT, Tokens.NONE, List.of()));
        ControlForm form = ControlForm.of(JidCreate.from("dimmer@example.org/x"), List.of(), Tokens.NONE, served);
        value(processor.set(
                CLIENT,
                form.edit().set("MainSwitch", false).set("OutputPercent", 42).toElement()));
        assertThat(devices.writes).containsExactly("Dimmer/OutputPercent=42", "Dimmer/MainSwitch=false");
    }

    private static List<ParameterDescription> describe(DataForm form) throws Exception {
        return ControlForm.of(JidCreate.from("x@y/z"), List.of(), Tokens.NONE, form)
                .parameters();
    }

    private static DataForm toForm(Element x) throws Exception {
        return ((ControlFormResponse) org.jivesoftware.smack.util.PacketParserUtils.parseStanza(
                        "<iq type='result' id='1' from='a@b/c'>" + XepExamples.serialize(x) + "</iq>"))
                .form();
    }

    private static Element field(Element x, String var) {
        for (Node n = x.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "field".equals(e.getLocalName()) && var.equals(e.getAttribute("var"))) {
                return e;
            }
        }
        throw new AssertionError("no field " + var);
    }

    private static void removeField(Element x, String var) {
        x.removeChild(field(x, var));
    }
}
