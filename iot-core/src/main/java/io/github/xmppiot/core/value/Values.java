package io.github.xmppiot.core.value;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parsing of typed values from their XML Schema lexical forms, and the lexical helpers the value records share.
 *
 * @since 0.1.0
 */
public final class Values {

    private static final Pattern DOUBLE = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?INF|NaN");
    private static final int MAX_SHOWN = 40;

    private Values() {}

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
            case BOOLEAN:
                return BooleanValue.parse(lexical);
            case COLOR:
                return ColorValue.parse(lexical);
            case DATE:
                return DateValue.parse(lexical);
            case DATE_TIME:
                return DateTimeValue.parse(lexical);
            case DOUBLE:
                return DoubleValue.parse(lexical);
            case DURATION:
                return DurationValue.parse(lexical);
            case ENUM:
                return new EnumValue(lexical, "");
            case INT:
                return IntValue.parse(lexical);
            case LONG:
                return LongValue.parse(lexical);
            case NUMERIC:
                return new NumericValue(lexical, "");
            case STRING:
                return new StringValue(lexical);
            case TIME:
                return TimeValue.parse(lexical);
            default:
                throw new IllegalArgumentException("unsupported type " + type);
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
        // [+-]?[0-9]+ by hand: this runs for every int and long field of every read-out
        int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i == s.length() || !digits(s, i, s.length())) {
            throw new IllegalArgumentException("not an " + typeName + ": '" + abbreviate(lexical) + "'");
        }
        return s;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /**
     * The end of the date or time part: the start of a zone suffix ({@code Z} or {@code [+-]hh:mm}) if there is one,
     * else the length.
     */
    private static int zoneStart(String s, int from) {
        int n = s.length();
        if (n > from && s.charAt(n - 1) == 'Z') {
            return n - 1;
        }
        if (n - 6 >= from && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-') && s.charAt(n - 3) == ':') {
            return n - 6;
        }
        return n;
    }

    /** The zone suffix starting at {@code at} ({@code Z} or {@code [+-]hh:mm}), null if none; -1 if malformed. */
    private static Object zoneAt(String s, int at) {
        if (at == s.length()) {
            return null;
        }
        if (s.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (!digits(s, at + 1, at + 3) || !digits(s, at + 4, at + 6)) {
            return -1;
        }
        int sign = s.charAt(at) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * number(s, at + 1, at + 3), sign * number(s, at + 4, at + 6));
    }

    static String doubleLexical(String lexical) {
        String s = lexical == null ? "" : lexical.strip();
        if (!DOUBLE.matcher(s).matches()) {
            throw new IllegalArgumentException("not an xs:double: '" + abbreviate(lexical) + "'");
        }
        return s;
    }

    static Object[] parseDate(String lexical) {
        // (\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})? by hand, validated strictly by LocalDate.of
        String s = lexical == null ? "" : lexical.strip();
        int end = zoneStart(s, 10);
        if (end != 10
                || !digits(s, 0, 4)
                || s.charAt(4) != '-'
                || !digits(s, 5, 7)
                || s.charAt(7) != '-'
                || !digits(s, 8, 10)) {
            throw new IllegalArgumentException(
                    "not an xs:date (YYYY-MM-DD with optional zone): '" + abbreviate(lexical) + "'");
        }
        try {
            Object zone = zoneAt(s, end);
            if (zone instanceof Integer) {
                throw new IllegalArgumentException(
                        "not an xs:date (YYYY-MM-DD with optional zone): '" + abbreviate(lexical) + "'");
            }
            return new Object[] {LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10)), zone};
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid xs:date: '" + abbreviate(lexical) + "'", e);
        }
    }

    static Object[] parseTime(String lexical) {
        // (\d{2}:\d{2}:\d{2}(\.\d{1,9})?)(Z|[+-]\d{2}:\d{2})? by hand, validated strictly by LocalTime.of
        String s = lexical == null ? "" : lexical.strip();
        int end = zoneStart(s, 8);
        boolean fraction = end > 8;
        if (end < 8
                || !digits(s, 0, 2)
                || s.charAt(2) != ':'
                || !digits(s, 3, 5)
                || s.charAt(5) != ':'
                || !digits(s, 6, 8)
                || fraction && (end == 9 || end > 18 || s.charAt(8) != '.' || !digits(s, 9, end))) {
            throw new IllegalArgumentException(
                    "not an xs:time (hh:mm:ss[.fff] with optional zone): '" + abbreviate(lexical) + "'");
        }
        try {
            Object zone = zoneAt(s, end);
            if (zone instanceof Integer) {
                throw new IllegalArgumentException(
                        "not an xs:time (hh:mm:ss[.fff] with optional zone): '" + abbreviate(lexical) + "'");
            }
            int nano = 0;
            if (fraction) {
                nano = number(s, 9, end);
                for (int k = end - 9; k < 9; k++) {
                    nano *= 10;
                }
            }
            return new Object[] {LocalTime.of(number(s, 0, 2), number(s, 3, 5), number(s, 6, 8), nano), zone};
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid xs:time: '" + abbreviate(lexical) + "'", e);
        }
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
        sb.append(year < 1000 ? (year < 100 ? (year < 10 ? "000" : "00") : "0") : "")
                .append(year)
                .append('-');
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
