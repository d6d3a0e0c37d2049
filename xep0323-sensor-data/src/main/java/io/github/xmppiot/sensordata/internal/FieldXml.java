package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.Localization;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.value.EnumValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Reads and writes the field value elements of XEP-0323 §5.4 "Field Value Data Types" ({@code boolean}, {@code date}, {@code dateTime},
 * {@code duration}, {@code enum}, {@code int}, {@code long}, {@code numeric}, {@code string}, {@code time}).
 * Input is lenient (xs:boolean {@code 1/0}, {@code identification} for {@code identity}, Smack's {@code bool}, unknown
 * attributes ignored); output is the spec's form: flags only when true, {@code unit} always on {@code numeric}.
 */
public final class FieldXml {

    private FieldXml() {
    }

    /**
     * Writes one field value element.
     *
     * @param xml   the builder, positioned where the element goes
     * @param field the field
     */
    public static void write(XmlStringBuilder xml, Field field) {
        Value v = field.value();
        xml.halfOpenElement(v.type().elementName());
        xml.attribute("name", field.name());
        xml.attribute("value", v.lexical());
        if (v instanceof NumericValue n) {
            xml.attribute("unit", n.unit());
        } else if (v instanceof EnumValue e) {
            xml.attribute("dataType", e.dataType());
        }
        for (FieldCategory c : field.categories()) {
            xml.attribute(c.attribute(), "true");
        }
        for (QualityFlag q : field.quality()) {
            xml.attribute(q.attribute(), "true");
        }
        Localization l = field.localization();
        xml.optAttribute("module", l.module());
        xml.optAttribute("stringIds", l.stringIds());
        if (field.writable() != null) {
            xml.attribute("writable", field.writable().toString());
        }
        xml.closeEmptyElement();
    }

    /**
     * Rough number of characters {@link #write} produces for a field, without building it; used to bound message
     * sizes cheaply.
     *
     * @param field the field
     * @return an upper estimate of the serialised length
     */
    public static int estimateLength(Field field) {
        int n = 40 + field.name().length() + field.value().lexical().length();
        if (field.value() instanceof NumericValue num) {
            n += 8 + num.unit().length();
        } else if (field.value() instanceof EnumValue e) {
            n += 12 + e.dataType().length();
        }
        n += 20 * (field.categories().size() + field.quality().size());
        Localization l = field.localization();
        n += l.module() == null ? 0 : 10 + l.module().length();
        n += l.stringIds() == null ? 0 : 13 + l.stringIds().length();
        // escaping may grow text; count the worst common case generously
        return n + (field.name().length() >> 1);
    }

    /**
     * Reads a field value element; the parser must be on its start tag and is left on its end tag.
     *
     * @param parser the parser
     * @param type   the type named by the element
     * @return the field
     * @throws IotParseException if a required attribute is missing or a value is not of its type
     * @throws XmlPullParserException on XML errors
     * @throws IOException            on I/O errors
     */
    public static Field parse(XmlPullParser parser, ValueType type)
            throws IotParseException, XmlPullParserException, IOException {
        String name = IotXml.requiredAttribute(parser, "name");
        String lexical = IotXml.requiredAttribute(parser, "value");
        Value value;
        try {
            if (type == ValueType.NUMERIC) {
                String unit = IotXml.attribute(parser, "unit");
                value = new NumericValue(lexical, unit == null ? "" : unit);
            } else if (type == ValueType.ENUM) {
                value = new EnumValue(lexical, IotXml.requiredAttribute(parser, "dataType"));
            } else {
                value = Values.parse(type, lexical);
            }
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("field '" + name + "' <" + parser.getName() + "/>", e);
        }
        Set<FieldCategory> categories = EnumSet.noneOf(FieldCategory.class);
        Set<QualityFlag> quality = EnumSet.noneOf(QualityFlag.class);
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String attr = parser.getAttributeName(i);
            var category = FieldCategory.fromAttribute(attr);
            var flag = QualityFlag.fromAttribute(attr);
            if (category.isEmpty() && flag.isEmpty()) {
                continue;
            }
            if (IotXml.booleanAttribute(parser, attr, false)) {
                category.ifPresent(categories::add);
                flag.ifPresent(quality::add);
            }
        }
        Localization localization = new Localization(IotXml.attribute(parser, "module"),
                IotXml.attribute(parser, "stringIds"));
        Boolean writable = IotXml.optionalBooleanAttribute(parser, "writable");
        IotXml.skipElement(parser);
        try {
            return new Field(name, value, categories, quality, localization, writable);
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("field '" + name + "'", e);
        }
    }
}
