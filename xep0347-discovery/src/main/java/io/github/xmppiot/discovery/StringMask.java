package io.github.xmppiot.discovery;

import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.StringTag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code strMask} of XEP-0347 §3.15: {@code tag LIKE c}, where every occurrence of the wildcard string in the value
 * stands for any sequence of characters (possibly empty); all other characters match themselves.
 *
 * @param name     the tag name
 * @param value    the mask, e.g. {@code 39487*}
 * @param wildcard the wildcard, a non-empty string, e.g. {@code *}
 * @since 0.1.0
 */
public record StringMask(String name, String value, String wildcard) implements SearchOperator {

    /**
     * Validates the operator.
     *
     * @throws IllegalArgumentException if the name or value breaks the XEP-0347 §5.2 limits or the wildcard is empty
     */
    public StringMask {
        MetaTags.checkName(name);
        MetaTags.checkStringValue(value);
        if (wildcard == null || wildcard.isEmpty()) {
            throw new IllegalArgumentException("strMask needs a non-empty wildcard");
        }
        MetaTags.checkStringValue(wildcard);
    }

    /**
     * The literal parts of the mask, between wildcards. {@code a*b*} gives {@code [a, b, ""]}.
     *
     * @return the parts, one more than the number of wildcards
     */
    public List<String> parts() {
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = value.indexOf(wildcard, from)) >= 0) {
            parts.add(value.substring(from, at));
            from = at + wildcard.length();
        }
        parts.add(value.substring(from));
        return parts;
    }

    @Override
    public String elementName() {
        return "strMask";
    }

    @Override
    public boolean test(MetaTag tag) {
        if (!(tag instanceof StringTag s) || !s.key().equals(key())) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        List<String> parts = parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts.get(i)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL)
                .matcher(s.value())
                .matches();
    }
}
