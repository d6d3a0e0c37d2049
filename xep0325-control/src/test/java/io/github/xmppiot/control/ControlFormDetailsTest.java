package io.github.xmppiot.control;

import static io.github.xmppiot.control.Fixtures.CLIENT;
import static io.github.xmppiot.control.Fixtures.failure;
import static io.github.xmppiot.control.Fixtures.processor;
import static io.github.xmppiot.control.Fixtures.set;
import static io.github.xmppiot.control.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.element.ParamError;
import io.github.xmppiot.control.internal.FormBuilder;
import io.github.xmppiot.control.internal.FormXml;
import io.github.xmppiot.control.internal.XmlEscaping;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdatavalidation.packet.ValidateElement;
import org.junit.jupiter.api.Test;

/** Details of the control form (XEP-0325 §3.3, §3.4) and of the refusals naming nodes. */
class ControlFormDetailsTest {

    private final Devices devices = new Devices();

    private DataForm form(ThingDirectory things, String... nodes) throws Exception {
        return value(processor(things)
                .form(
                        CLIENT,
                        Tokens.NONE,
                        List.of(nodes).stream().map(NodeRef::of).toList()));
    }

    private ThingDirectory outputs(int n) {
        Thing[] things = new Thing[n];
        for (int i = 0; i < n; i++) {
            things[i] = devices.digitalOutput("DO" + (i + 1));
        }
        return ThingDirectory.of(things);
    }

    @Test
    void theTitleNamesOneTwoOrTheFirstTwoNodes() throws Exception {
        assertThat(form(outputs(3), "DO1").getTitle()).isEqualTo("DO1");
        assertThat(form(outputs(3), "DO1", "DO2").getTitle()).isEqualTo("DO1, DO2");
        assertThat(form(outputs(3), "DO1", "DO2", "DO3").getTitle()).isEqualTo("DO1, DO2, ...");
    }

    @Test
    void oneNodeWithNothingAllowedGetsAnEmptyFormNotAnError() throws Exception {
        ThingDirectory one = outputs(1);
        DataForm form = value(processor(
                        one,
                        r -> CompletableFuture.completedFuture(AccessDecision.allowOnly(List.of(), Set.of("Other"))))
                .form(CLIENT, Tokens.NONE, List.of()));
        assertThat(form.getFields()).extracting(FormField::getFieldName).doesNotContain("Output");
    }

    @Test
    void aRefusalNamesTheNodeOnlyWhenThereAreSeveral() throws Exception {
        String one = paramErrorText(failure(processor(outputs(1))
                .set(CLIENT, set("<set xmlns='urn:xmpp:iot:control'>" + "<int name='Output' value='1'/></set>"))));
        assertThat(one).isNotEmpty().doesNotContain("on node");
        String two = paramErrorText(failure(processor(outputs(2))
                .set(
                        CLIENT,
                        set("<set xmlns='urn:xmpp:iot:control'>"
                                + "<node nodeId='DO1'/><node nodeId='DO2'/><int name='Output' value='1'/></set>"))));
        assertThat(two).endsWith(" on node DO1");
    }

    private static String paramErrorText(IotErrorException e) {
        assertThat(e.extensions()).hasSize(1).first().isInstanceOf(ParamError.class);
        ParamError error = (ParamError) e.extensions().get(0);
        assertThat(error.var()).isEqualTo("Output");
        return error.text();
    }

    @Test
    void aCurrentValueOfTheWrongTypeIsLeftOutOfTheForm() throws Exception {
        Thing odd = Thing.builder("Odd")
                .parameter(devices.param("Odd", "Level", ValueType.INT, BooleanValue.TRUE)
                        .build())
                .build();
        FormField level = form(ThingDirectory.of(odd)).getField("Level");
        assertThat(level).isNotNull();
        assertThat(level.getValues()).isEmpty();
    }

    @Test
    void everyControlTypeHasItsXmlSchemaDatatype() {
        assertThat(FormBuilder.datatype(ValueType.BOOLEAN, false)).isEqualTo("xs:boolean");
        assertThat(FormBuilder.datatype(ValueType.COLOR, false)).isEqualTo(FormXml.XDC_COLOR);
        assertThat(FormBuilder.datatype(ValueType.COLOR, true)).isEqualTo(FormXml.XDC_COLOR_ALPHA);
        assertThat(FormBuilder.datatype(ValueType.DATE, false)).isEqualTo("xs:date");
        assertThat(FormBuilder.datatype(ValueType.DATE_TIME, false)).isEqualTo("xs:dateTime");
        assertThat(FormBuilder.datatype(ValueType.DOUBLE, false)).isEqualTo("xs:double");
        assertThat(FormBuilder.datatype(ValueType.DURATION, false)).isEqualTo("xs:duration");
        assertThat(FormBuilder.datatype(ValueType.INT, false)).isEqualTo("xs:int");
        assertThat(FormBuilder.datatype(ValueType.LONG, false)).isEqualTo("xs:long");
        assertThat(FormBuilder.datatype(ValueType.TIME, false)).isEqualTo("xs:time");
        assertThat(FormBuilder.datatype(ValueType.STRING, false)).isEqualTo("xs:string");
    }

    @Test
    void aColourWithAlphaIsValidatedAsEightHexDigitsAndDeclaresTheColourNamespace() throws Exception {
        Thing lamp = Thing.builder("Lamp")
                .parameter(devices.param("Lamp", "Rgba", ValueType.COLOR, ColorValue.parse("3399ffc0"))
                        .build())
                .parameter(devices.param("Lamp", "Rgb", ValueType.COLOR, ColorValue.rgb(1, 2, 3))
                        .build())
                .build();
        DataForm form = form(ThingDirectory.of(lamp));
        ValidateElement rgba = ValidateElement.from(form.getField("Rgba"));
        ValidateElement rgb = ValidateElement.from(form.getField("Rgb"));
        assertThat(rgba.getDatatype()).isEqualTo(FormXml.XDC_COLOR_ALPHA);
        assertThat(rgba.toXML().toString()).contains("{8}");
        assertThat(rgb.getDatatype()).isEqualTo(FormXml.XDC_COLOR);
        assertThat(rgb.toXML().toString()).contains("{6}");

        XmlStringBuilder colour = new XmlStringBuilder();
        FormXml.writeFormAttributes(colour, form);
        assertThat(colour.toString()).contains("xmlns:xdc='" + FormXml.XDC_NAMESPACE + "'");
        XmlStringBuilder plain = new XmlStringBuilder();
        FormXml.writeFormAttributes(plain, form(outputs(1)));
        assertThat(plain.toString()).doesNotContain("xdc");
    }

    @Test
    void whitespaceIsEscapedInAttributesButKeptInText() {
        assertThat(XmlEscaping.attribute("a\tb\nc\rd'\"<&>")).isEqualTo("a&#9;b&#10;c&#13;d&apos;&quot;&lt;&amp;&gt;");
        assertThat(XmlEscaping.text("a\tb\nc\rd'\"<&>")).isEqualTo("a\tb\nc&#13;d'\"&lt;&amp;&gt;");
    }
}
