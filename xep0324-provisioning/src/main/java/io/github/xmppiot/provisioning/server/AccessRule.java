package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.provisioning.element.Credential;
import io.github.xmppiot.provisioning.element.CredentialType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An owner's rule saying which users a service may admit (XEP-0324 §3.6.2 "User access to service"): a user is
 * admitted if the credentials the service sends in {@code canAccess} satisfy every condition of one of the service's
 * rules. A condition names a credential kind (the XSD element name: {@code jid}, {@code userName}, {@code ip4}, …)
 * and a value: {@value #ANY} matches any value of that kind; a {@code jid} condition compares bare JIDs ignoring
 * case, and {@code *@domain} matches every account of that domain; other kinds compare values exactly.
 *
 * @param service    the service's bare JID
 * @param conditions credential kind to required value; at least one
 * @since 0.1.0
 */
public record AccessRule(String service, Map<CredentialType, String> conditions) {

    /** The value that matches any credential value of its kind. */
    public static final String ANY = "*";

    /**
     * Copies the conditions.
     *
     * @throws IllegalArgumentException if there is no condition or a value is blank
     */
    public AccessRule {
        Objects.requireNonNull(service, "service");
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("an access rule needs at least one condition");
        }
        EnumMap<CredentialType, String> copy = new EnumMap<>(CredentialType.class);
        conditions.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("empty value for " + k.element());
            }
            copy.put(k, v.strip());
        });
        conditions = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses conditions written one per line as {@code kind=value}, as in the owner command.
     *
     * @param service the service's bare JID
     * @param lines   the conditions
     * @return the rule
     * @throws IllegalArgumentException on an unknown kind or a line without {@code =}
     */
    public static AccessRule parse(String service, List<String> lines) {
        SortedMap<CredentialType, String> conditions = new TreeMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("access conditions are written kind=value: " + line);
            }
            String kind = line.substring(0, eq).strip();
            CredentialType type = CredentialType.fromElement(kind)
                    .orElseThrow(() -> new IllegalArgumentException("unknown credential kind " + kind));
            conditions.put(type, line.substring(eq + 1));
        }
        return new AccessRule(service, conditions);
    }

    /** @return the conditions as {@code kind=value} lines, in a canonical order (the rule's identity in the store) */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        conditions.forEach((k, v) -> out.add(k.element() + "=" + v));
        return out;
    }

    /**
     * Whether the credentials satisfy every condition.
     *
     * @param credentials the credentials of a {@code canAccess} request
     * @return true if the user is admitted by this rule
     */
    public boolean admits(List<Credential> credentials) {
        for (Map.Entry<CredentialType, String> c : conditions.entrySet()) {
            if (credentials.stream()
                    .noneMatch(k -> k.type() == c.getKey() && matches(c.getKey(), c.getValue(), k.value()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(CredentialType type, String pattern, String value) {
        if (pattern.equals(ANY)) {
            return true;
        }
        if (type != CredentialType.JID) {
            return pattern.equals(value);
        }
        String bare = bare(value);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.startsWith("*@")) {
            return bare.endsWith(p.substring(1)) && bare.indexOf('@') == bare.length() - p.length() + 1;
        }
        return bare.equals(bare(p));
    }

    /** The bare form of a JID string, lower case (the resource is dropped). */
    private static String bare(String jid) {
        int slash = jid.indexOf('/');
        return (slash < 0 ? jid : jid.substring(0, slash)).strip().toLowerCase(Locale.ROOT);
    }
}
