package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.NumericTag;
import io.github.xmppiot.core.meta.StringTag;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code IoTDisco} string an owner reads (usually from a QR code) to claim a Thing (XEP-0347 §3.9 "Claiming
 * Ownership of a Thing"): {@code IoTDisco} followed, for each tag in order, by {@code ;}, {@code #} if the tag is
 * numeric, the name, {@code :} and the value, where {@code ;} and {@code \} in values are escaped with {@code \}.
 * Encoded as UTF-8 in the QR code (see {@link QrTerminal}).
 *
 * @since 0.1.0
 */
public final class ClaimUri {

    /** The prefix of every claim string. */
    public static final String PREFIX = "IoTDisco";

    private ClaimUri() {}

    /**
     * Encodes tags as a claim string.
     *
     * @param tags the tags, in order (normally all registered tags, including {@code KEY})
     * @return the claim string, e.g. {@code IoTDisco;SN:394872348732948723;#V:1.2}
     */
    public static String encode(List<? extends MetaTag> tags) {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (MetaTag t : tags) {
            sb.append(';');
            if (t instanceof NumericTag) {
                sb.append('#');
            }
            sb.append(t.name()).append(':');
            String v = t.lexicalValue();
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == ';' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes a claim string.
     *
     * @param claim the string read from the QR code
     * @return the tags, in order
     * @throws IllegalArgumentException if the string does not start with {@code IoTDisco}, a part has no {@code :},
     *                                  ends in a dangling {@code \}, or a tag breaks the XEP-0347 §5.2 limits
     */
    public static List<MetaTag> decode(String claim) {
        if (claim == null || !claim.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an IoTDisco claim string");
        }
        List<MetaTag> tags = new ArrayList<>();
        String rest = claim.substring(PREFIX.length());
        if (rest.isEmpty()) {
            return tags;
        }
        if (rest.charAt(0) != ';') {
            throw new IllegalArgumentException("expected ';' after IoTDisco");
        }
        int i = 1;
        while (i <= rest.length()) {
            int colon = rest.indexOf(':', i);
            if (colon < 0) {
                throw new IllegalArgumentException("tag without ':' at position " + (PREFIX.length() + i));
            }
            String name = rest.substring(i, colon);
            boolean numeric = name.startsWith("#");
            if (numeric) {
                name = name.substring(1);
            }
            StringBuilder value = new StringBuilder();
            int j = colon + 1;
            for (; j < rest.length() && rest.charAt(j) != ';'; j++) {
                char c = rest.charAt(j);
                if (c == '\\') {
                    if (++j == rest.length()) {
                        throw new IllegalArgumentException("dangling '\\' at the end");
                    }
                    c = rest.charAt(j);
                }
                value.append(c);
            }
            tags.add(numeric ? new NumericTag(name, value.toString()) : new StringTag(name, value.toString()));
            i = j + 1;
        }
        return tags;
    }
}
