package io.github.xmppiot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The provisioning tokens a request carries in its {@code serviceToken}, {@code deviceToken} and {@code userToken}
 * attributes (XEP-0324 §3.6, CHECKLIST X-3). A sender holding several tokens of one kind (one per provisioning server)
 * sends them all in one attribute, separated by a space; tokens never contain white space.
 *
 * @param serviceTokens service tokens, in order, never null
 * @param deviceTokens  device tokens, in order, never null
 * @param userTokens    user tokens, in order, never null
 * @since 0.1.0
 */
public record Tokens(List<String> serviceTokens, List<String> deviceTokens, List<String> userTokens) {

    /** Attribute name carrying service tokens. */
    public static final String ATTR_SERVICE = "serviceToken";
    /** Attribute name carrying device tokens. */
    public static final String ATTR_DEVICE = "deviceToken";
    /** Attribute name carrying user tokens. */
    public static final String ATTR_USER = "userToken";

    /** No tokens at all. */
    public static final Tokens NONE = new Tokens(List.of(), List.of(), List.of());

    /**
     * Copies the lists and checks that no token is empty or contains white space.
     *
     * @throws IllegalArgumentException if a token is empty or contains white space
     */
    public Tokens {
        serviceTokens = check(serviceTokens);
        deviceTokens = check(deviceTokens);
        userTokens = check(userTokens);
    }

    /**
     * Reads the three attribute values as sent on the wire (each may be null or empty).
     *
     * @param service value of {@code serviceToken}, may be null
     * @param device  value of {@code deviceToken}, may be null
     * @param user    value of {@code userToken}, may be null
     * @return the tokens, {@link #NONE} if all are absent
     */
    public static Tokens fromAttributes(String service, String device, String user) {
        return fromAttributes(service, device, user, TokenLimits.current());
    }

    /**
     * Reads the three attribute values as sent on the wire, refusing more tokens, or longer ones, than the limits
     * allow. The scan stops at the first token over a limit, so a huge attribute costs no more than the limit.
     *
     * @param service value of {@code serviceToken}, may be null
     * @param device  value of {@code deviceToken}, may be null
     * @param user    value of {@code userToken}, may be null
     * @param limits  most tokens (over the three attributes) and longest token
     * @return the tokens, {@link #NONE} if all are absent
     * @throws IllegalArgumentException if a limit is exceeded (a request provider answers it with
     *                                  {@code modify/bad-request})
     */
    public static Tokens fromAttributes(String service, String device, String user, TokenLimits limits) {
        int[] budget = {limits.maxTokens()};
        Tokens t =
                new Tokens(split(service, budget, limits), split(device, budget, limits), split(user, budget, limits));
        return t.isEmpty() ? NONE : t;
    }

    /**
     * Whether no token of any kind is present.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return serviceTokens.isEmpty() && deviceTokens.isEmpty() && userTokens.isEmpty();
    }

    /**
     * The wire form of {@code serviceToken}.
     *
     * @return space-separated tokens, or null if there are none
     */
    public String serviceAttribute() {
        return join(serviceTokens);
    }

    /**
     * The wire form of {@code deviceToken}.
     *
     * @return space-separated tokens, or null if there are none
     */
    public String deviceAttribute() {
        return join(deviceTokens);
    }

    /**
     * The wire form of {@code userToken}.
     *
     * @return space-separated tokens, or null if there are none
     */
    public String userAttribute() {
        return join(userTokens);
    }

    private static List<String> split(String attribute, int[] budget, TokenLimits limits) {
        if (attribute == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = attribute.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(attribute.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(attribute.charAt(i))) {
                i++;
                if (i - start > limits.maxTokenLength()) {
                    throw new IllegalArgumentException(
                            "a token is longer than " + limits.maxTokenLength() + " characters");
                }
            }
            if (i > start) {
                if (--budget[0] < 0) {
                    throw new IllegalArgumentException("more than " + limits.maxTokens() + " tokens in one request");
                }
                out.add(attribute.substring(start, i));
            }
        }
        return out;
    }

    private static String join(List<String> tokens) {
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    private static List<String> check(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        for (String t : tokens) {
            if (t == null || t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a token must be non-empty and contain no white space: '" + t + "'");
            }
        }
        return List.copyOf(tokens);
    }
}
