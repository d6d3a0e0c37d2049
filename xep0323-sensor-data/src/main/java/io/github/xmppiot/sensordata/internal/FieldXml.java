package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.field.Field;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.field.Localization;
import io.github.xmppiot.core.field.QualityFlag;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.EnumValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import io.github.xmppiot.core.xml.IotParseException;
import io.github.xmppiot.core.xml.IotXml;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
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

    private static final Map<String, Object> FLAGS = flags();

    private FieldXml() {}

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
     * @return an upper estimate of the serialised length when the texts need no escaping (escaped characters in
     *     the name are covered up to half its length)
     */
    public static int estimateLength(Field field) {
        int n = 40 + field.name().length() + field.value().lexical().length();
        if (field.value() instanceof NumericValue num) {
            n += 8 + num.unit().length();
        } else if (field.value() instanceof EnumValue e) {
            n += 12 + e.dataType().length();
        }
        // each flag is written as " name='true'": its name plus 8 characters
        for (FieldCategory c : field.categories()) {
            n += 8 + c.attribute().length();
        }
        for (QualityFlag q : field.quality()) {
            n += 8 + q.attribute().length();
        }
        n += field.writable() == null ? 0 : 17; // " writable='false'"
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
        // One pass over the attributes: a lookup per known name would scan them all again for each (this parser is
        // on the client's critical path, once per field of every read-out).
        String name = null;
        String lexical = null;
        String unit = null;
        String dataType = null;
        String module = null;
        String stringIds = null;
        Boolean writable = null;
        Set<FieldCategory> categories = EnumSet.noneOf(FieldCategory.class);
        Set<QualityFlag> quality = EnumSet.noneOf(QualityFlag.class);
        int count = parser.getAttributeCount();
        for (int i = 0; i < count; i++) {
            String ns = parser.getAttributeNamespace(i);
            if (ns != null && !ns.isEmpty()) {
                continue;
            }
            String attr = parser.getAttributeName(i);
            String v = parser.getAttributeValue(i);
            switch (attr) {
                case "name" -> name = v;
                case "value" -> lexical = v;
                case "unit" -> unit = v;
                case "dataType" -> dataType = v;
                case "module" -> module = v;
                case "stringIds" -> stringIds = v;
                case "writable" -> writable = bool(parser, attr, v);
                default -> {
                    Object flag = FLAGS.get(attr);
                    if (flag != null && bool(parser, attr, v)) {
                        if (flag instanceof FieldCategory c) {
                            categories.add(c);
                        } else {
                            quality.add((QualityFlag) flag);
                        }
                    }
                }
            }
        }
        if (name == null || lexical == null) {
            // the checked lookup reports which one is missing
            IotXml.requiredAttribute(parser, name == null ? "name" : "value");
        }
        Value value;
        try {
            if (type == ValueType.NUMERIC) {
                value = new NumericValue(lexical, unit == null ? "" : unit);
            } else if (type == ValueType.ENUM) {
                value = new EnumValue(
                        lexical, dataType != null ? dataType : IotXml.requiredAttribute(parser, "dataType"));
            } else {
                value = Values.parse(type, lexical);
            }
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("field '" + name + "' <" + parser.getName() + "/>", e);
        }
        Localization localization = new Localization(module, stringIds);
        IotXml.skipElement(parser);
        try {
            return new Field(name, value, categories, quality, localization, writable);
        } catch (IllegalArgumentException e) {
            throw IotParseException.of("field '" + name + "'", e);
        }
    }

    private static boolean bool(XmlPullParser parser, String attr, String v) throws IotParseException {
        try {
            return BooleanValue.parseBoolean(v);
        } catch (IllegalArgumentException e) {
            // the checked lookup throws the error every attribute parser reports
            return IotXml.booleanAttribute(parser, attr, false);
        }
    }

    /** Category and quality-flag attributes (incl. the {@code identification} alias) to their constants. */
    private static Map<String, Object> flags() {
        Map<String, Object> m = new HashMap<>();
        for (FieldCategory c : FieldCategory.values()) {
            m.put(c.attribute(), c);
        }
        m.put(FieldCategory.IDENTITY_ALIAS, FieldCategory.IDENTITY);
        for (QualityFlag q : QualityFlag.values()) {
            if (m.put(q.attribute(), q) != null) {
                throw new IllegalStateException("attribute " + q.attribute() + " is both a category and a flag");
            }
        }
        return Map.copyOf(m);
    }
}
