package io.github.xmppiot.control.internal;

/**
 * Escaping that survives XML parsing unchanged. Smack's {@code XmlStringBuilder} escapes markup characters only, but a
 * parser replaces a literal tab, line feed or carriage return in an attribute value by a space (XML 1.0 §3.3.3) and a
 * carriage return in text by a line feed (§2.11), so a {@code string} parameter such as {@code "a\tb"} would arrive
 * changed. These methods write such characters as character references.
 */
public final class XmlEscaping {

    private XmlEscaping() {}

    /**
     * Escapes an attribute value for use between apostrophes.
     *
     * @param value the value
     * @return the escaped value
     */
    public static String attribute(CharSequence value) {
        return escape(value, true);
    }

    /**
     * Escapes element text.
     *
     * @param text the text
     * @return the escaped text
     */
    public static String text(CharSequence text) {
        return escape(text, false);
    }

    private static String escape(CharSequence s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '\'':
                    sb.append(attribute ? "&apos;" : "'");
                    break;
                case '"':
                    sb.append(attribute ? "&quot;" : "\"");
                    break;
                case '\r':
                    sb.append("&#13;");
                    break;
                case '\t':
                    sb.append(attribute ? "&#9;" : "\t");
                    break;
                case '\n':
                    sb.append(attribute ? "&#10;" : "\n");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }
}
