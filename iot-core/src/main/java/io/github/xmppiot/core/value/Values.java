package io.github.xmppiot.core.value;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of typed values from their XML Schema lexical forms, and the lexical helpers the value records share.
 */
public final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?INF|NaN");
    private static final Pattern ZONE = Pattern.compile("Z|[+-]\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(" + ZONE + ")?");
    private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?)(" + ZONE + ")?");
    private static final int MAX_SHOWN = 40;

    private Values() {
    }

    /**
     * Parses the lexical form of a value of the given type. {@code numeric} values get an empty unit and {@code enum}
     * values an empty {@code dataType}; use the record constructors to supply them.
     *
     * @param type    the value type
     * @param lexical the lexical form
     * @return the value
     * @throws IllegalArgumentException with a message naming the type if the form is not legal
     */
    public static Value parse(ValueType type, String lexical) {
        Objects.requireNonNull(type, "type");
        if (lexical == null) {
            throw new IllegalArgumentException("missing " + type.elementName() + " value");
        }
        switch (type) {
            case BOOLEAN: return BooleanValue.parse(lexical);
            case COLOR: return ColorValue.parse(lexical);
            case DATE: return DateValue.parse(lexical);
            case DATE_TIME: return DateTimeValue.parse(lexical);
            case DOUBLE: return DoubleValue.parse(lexical);
            case DURATION: return DurationValue.parse(lexical);
            case ENUM: return new EnumValue(lexical, "");
            case INT: return IntValue.parse(lexical);
            case LONG: return LongValue.parse(lexical);
            case NUMERIC: return new NumericValue(lexical, "");
            case STRING: return new StringValue(lexical);
            case TIME: return TimeValue.parse(lexical);
            default: throw new IllegalArgumentException("unsupported type " + type);
        }
    }

    /**
     * Checks that a string holds only characters XML 1.0 can carry.
     *
     * @param text the text
     * @param what what the text is, for the error message
     * @return the text
     * @throws IllegalArgumentException if null or not representable in XML
     */
    public static String xmlText(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                i++;
            } else {
                ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok) {
                throw new IllegalArgumentException(what + " contains a character XML cannot carry at index " + i);
            }
        }
        return text;
    }

    static String integerLexical(String lexical, String typeName) {
        String s = lexical == null ? "" : lexical.strip();
        if (!INTEGER.matcher(s).matches()) {
            throw new IllegalArgumentException("not an " + typeName + ": '" + abbreviate(lexical) + "'");
        }
        return s;
    }

    static String doubleLexical(String lexical) {
        String s = lexical == null ? "" : lexical.strip();
        if (!DOUBLE.matcher(s).matches()) {
            throw new IllegalArgumentException("not an xs:double: '" + abbreviate(lexical) + "'");
        }
        return s;
    }

    static Object[] parseDate(String lexical) {
        Matcher m = match(DATE, lexical, "xs:date (YYYY-MM-DD with optional zone)");
        try {
            return new Object[] {LocalDate.parse(m.group(1)), zone(m.group(2))};
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid xs:date: '" + abbreviate(lexical) + "'", e);
        }
    }

    static Object[] parseTime(String lexical) {
        Matcher m = match(TIME, lexical, "xs:time (hh:mm:ss[.fff] with optional zone)");
        try {
            return new Object[] {LocalTime.parse(m.group(1)), zone(m.group(3))};
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid xs:time: '" + abbreviate(lexical) + "'", e);
        }
    }

    private static Matcher match(Pattern p, String lexical, String what) {
        Matcher m = p.matcher(lexical == null ? "" : lexical.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an " + what + ": '" + abbreviate(lexical) + "'");
        }
        return m;
    }

    private static ZoneOffset zone(String z) {
        if (z == null) {
            return null;
        }
        return "Z".equals(z) ? ZoneOffset.UTC : ZoneOffset.of(z);
    }

    static String formatZone(ZoneOffset zone) {
        if (zone == null) {
            return "";
        }
        return zone.getTotalSeconds() == 0 ? "Z" : zone.getId();
    }

    static String formatTime(LocalTime t) {
        StringBuilder sb = new StringBuilder(18);
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nano = t.getNano();
        if (nano != 0) {
            sb.append('.');
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            String frac = Integer.toString(nano);
            for (int i = frac.length(); i < digits; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }

    static String formatDate(LocalDate d) {
        if (d.getYear() < 0 || d.getYear() > 9999) {
            throw new IllegalArgumentException("year outside 0000..9999 is not supported: " + d);
        }
        StringBuilder sb = new StringBuilder(10);
        int year = d.getYear();
        sb.append(year < 1000 ? (year < 100 ? (year < 10 ? "000" : "00") : "0") : "").append(year).append('-');
        two(sb, d.getMonthValue()).append('-');
        return two(sb, d.getDayOfMonth()).toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…(" + s.length() + " chars)";
    }
}
