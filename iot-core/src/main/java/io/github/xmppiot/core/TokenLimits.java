package io.github.xmppiot.core;

/**
 * How many provisioning tokens one request may carry, and how long each may be (XEP-0324 §3.6 token attributes; issue
 * 15 item 4). A request over either limit is malformed and answered with {@code modify/bad-request} before any token is
 * looked at, so that a stranger cannot make a Thing split, log or forward tens of thousands of tokens.
 *
 * <p>The limits in force are {@link #current()}: {@link #DEFAULT} unless the system properties
 * {@value #MAX_TOKENS_PROPERTY} and {@value #MAX_LENGTH_PROPERTY} are set at start-up, or {@link #setCurrent} is
 * called. They apply to every request provider of this JVM (parsing happens before a request reaches a manager).
 *
 * @param maxTokens      most tokens in one request, over the three attributes together, at least 1
 * @param maxTokenLength most characters in one token, at least 1
 */
public record TokenLimits(int maxTokens, int maxTokenLength) {

    /** System property overriding {@link #maxTokens()} of the default limits. */
    public static final String MAX_TOKENS_PROPERTY = "xmppiot.tokens.max";
    /** System property overriding {@link #maxTokenLength()} of the default limits. */
    public static final String MAX_LENGTH_PROPERTY = "xmppiot.tokens.maxLength";
    /** The documented defaults: 16 tokens of at most 128 characters each. */
    public static final TokenLimits DEFAULT = new TokenLimits(16, 128);

    private static volatile TokenLimits current = fromSystemProperties();

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is below 1
     */
    public TokenLimits {
        if (maxTokens < 1 || maxTokenLength < 1) {
            throw new IllegalArgumentException("token limits must be at least 1, got " + maxTokens + " tokens of "
                    + maxTokenLength + " characters");
        }
    }

    /**
     * The limits applied when parsing requests.
     *
     * @return the limits in force
     */
    public static TokenLimits current() {
        return current;
    }

    /**
     * Changes the limits applied when parsing requests, for the whole JVM.
     *
     * @param limits the new limits
     */
    public static void setCurrent(TokenLimits limits) {
        current = java.util.Objects.requireNonNull(limits, "limits");
    }

    private static TokenLimits fromSystemProperties() {
        return new TokenLimits(
                Integer.getInteger(MAX_TOKENS_PROPERTY, DEFAULT.maxTokens()),
                Integer.getInteger(MAX_LENGTH_PROPERTY, DEFAULT.maxTokenLength()));
    }
}
