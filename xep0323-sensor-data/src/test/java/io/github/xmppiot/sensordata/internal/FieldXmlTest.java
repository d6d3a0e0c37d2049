package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.value.EnumValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.xml.IotParseException;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/** Field value elements of XEP-0323 §3.3 (Table 1 value types, §3.5 categories, quality, localization). */
class FieldXmlTest {

    private static Field parse(String xml, ValueType type) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(xml);
        Field f = FieldXml.parse(parser, type);
        assertThat(parser.getEventType()).as("left on the end tag").isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(parser.getName()).isEqualTo(type.elementName());
        return f;
    }

    @Test
    void theParserIsLeftOnTheEndTagEvenWithContent() throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(
                "<wrap><int name='a' value='1'><extra>x</extra></int><int name='b' value='2'/></wrap>");
        parser.next();
        assertThat(FieldXml.parse(parser, ValueType.INT).name()).isEqualTo("a");
        assertThat(parser.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(parser.getName()).isEqualTo("int");
        parser.next();
        assertThat(FieldXml.parse(parser, ValueType.INT).value()).isEqualTo(new IntValue(2));
    }

    @Test
    void categoriesAndFlagsAreReadWhenTrue() throws Exception {
        Field f = parse(
                "<int name='t' value='5' momentary='true' peak='false' identification='1' error='true'"
                        + " warning='0' writable='false'/>",
                ValueType.INT);
        assertThat(f.categories()).containsExactlyInAnyOrder(FieldCategory.MOMENTARY, FieldCategory.IDENTITY);
        assertThat(f.quality()).containsExactly(QualityFlag.ERROR);
        assertThat(f.writable()).isFalse();
        assertThat(parse("<int name='t' value='5'/>", ValueType.INT).writable()).isNull();
    }

    @Test
    void namespacedAttributesAreNotTheFields() throws Exception {
        Field f = parse(
                "<int xmlns:x='urn:other' name='t' value='5' x:name='other' x:momentary='true' x:value='7'/>",
                ValueType.INT);
        assertThat(f.name()).isEqualTo("t");
        assertThat(f.value()).isEqualTo(new IntValue(5));
        assertThat(f.categories()).isEmpty();
    }

    @Test
    void aMissingNameOrValueIsNamed() {
        assertThatThrownBy(() -> parse("<int value='5'/>", ValueType.INT))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("'name'");
        assertThatThrownBy(() -> parse("<int name='t'/>", ValueType.INT))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("'value'");
    }

    @Test
    void numericAndEnumCarryTheirExtraAttribute() throws Exception {
        assertThat(parse("<numeric name='t' value='21.50' unit='°C'/>", ValueType.NUMERIC)
                        .value())
                .isEqualTo(new NumericValue("21.50", "°C"));
        assertThat(parse("<numeric name='t' value='3'/>", ValueType.NUMERIC).value())
                .isEqualTo(new NumericValue("3", ""));
        assertThat(parse("<enum name='m' value='Auto' dataType='Mode'/>", ValueType.ENUM)
                        .value())
                .isEqualTo(new EnumValue("Auto", "Mode"));
        assertThatThrownBy(() -> parse("<enum name='m' value='Auto'/>", ValueType.ENUM))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("'dataType'");
    }

    @Test
    void aValueNotOfItsTypeOrABadFlagIsRefused() {
        assertThatThrownBy(() -> parse("<int name='t' value='x'/>", ValueType.INT))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("field 't' <int/>");
        assertThatThrownBy(() -> parse("<int name='t' value='1' momentary='yes'/>", ValueType.INT))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("momentary");
        assertThatThrownBy(() -> parse("<int name='t' value='1' writable='maybe'/>", ValueType.INT))
                .isInstanceOf(IotParseException.class);
        assertThatThrownBy(() -> parse("<int name='' value='1'/>", ValueType.INT))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("field ''");
    }

    @Test
    void theWrittenFormParsesBack() throws Exception {
        Field f = Field.builder("t", new NumericValue("1.5", "kWh"))
                .categories(FieldCategory.HISTORICAL_DAY)
                .quality(QualityFlag.AUTOMATIC_READOUT)
                .localization("m", "1,2")
                .writable(true)
                .build();
        XmlStringBuilder xml = new XmlStringBuilder();
        FieldXml.write(xml, f);
        assertThat(parse(xml.toString(), ValueType.NUMERIC)).isEqualTo(f);
    }
}
