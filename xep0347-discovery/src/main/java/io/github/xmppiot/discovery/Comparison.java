package io.github.xmppiot.discovery;

/**
 * The six single-value comparisons of XEP-0347 §3.15, shared by string ({@code strEq} ...) and numeric
 * ({@code numEq} ...) operators.
 *
 * @since 0.1.0
 */
public enum Comparison {
    /** {@code tag = c}. */
    EQ("Eq"),
    /** {@code tag <> c}. */
    NEQ("NEq"),
    /** {@code tag > c}. */
    GT("Gt"),
    /** {@code tag >= c}. */
    GTEQ("GtEq"),
    /** {@code tag < c}. */
    LT("Lt"),
    /** {@code tag <= c}. */
    LTEQ("LtEq");

    private final String suffix;

    Comparison(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The suffix of the operator's element name after {@code str} or {@code num}, e.g. {@code GtEq}.
     *
     * @return the suffix
     */
    public String suffix() {
        return suffix;
    }

    /**
     * Applies the comparison to the result of a {@code compareTo}.
     *
     * @param cmp negative, zero or positive, as {@code tag.compareTo(c)}
     * @return whether {@code tag OP c} holds
     */
    public boolean holds(int cmp) {
        switch (this) {
            case EQ:
                return cmp == 0;
            case NEQ:
                return cmp != 0;
            case GT:
                return cmp > 0;
            case GTEQ:
                return cmp >= 0;
            case LT:
                return cmp < 0;
            default:
                return cmp <= 0;
        }
    }

    /**
     * The comparison whose element name ends with {@code suffix}.
     *
     * @param suffix e.g. {@code NEq}
     * @return the comparison, or null if none matches
     */
    public static Comparison ofSuffix(String suffix) {
        for (Comparison c : values()) {
            if (c.suffix.equals(suffix)) {
                return c;
            }
        }
        return null;
    }
}
