package io.github.xmppiot.core.field;

import java.util.Optional;

/**
 * The quality-of-service flags of XEP-0323 §3.1, in the XEP's order of importance (an estimate does not overwrite an
 * automatic read-out, which does not overwrite a signed value, and so on; CHECKLIST 323-15). A field without flags is
 * taken as {@link #AUTOMATIC_READOUT}.
 *
 * @since 0.1.0
 */
public enum QualityFlag {
    /** The value is missing. */
    MISSING("missing"),
    /** The read-out is in progress. */
    IN_PROGRESS("inProgress"),
    /** An automatic estimate. */
    AUTOMATIC_ESTIMATE("automaticEstimate"),
    /** A manual estimate. */
    MANUAL_ESTIMATE("manualEstimate"),
    /** A manual read-out. */
    MANUAL_READOUT("manualReadout"),
    /** An automatic read-out (the default). */
    AUTOMATIC_READOUT("automaticReadout"),
    /** The time was offset. */
    TIME_OFFSET("timeOffset"),
    /** A warning is attached. */
    WARNING("warning"),
    /** An error is attached. */
    ERROR("error"),
    /** Signed value. */
    SIGNED("signed"),
    /** Invoiced value. */
    INVOICED("invoiced"),
    /** End of a series. */
    END_OF_SERIES("endOfSeries"),
    /** Power failure occurred. */
    POWER_FAILURE("powerFailure"),
    /** Invoice confirmed. */
    INVOICE_CONFIRMED("invoiceConfirmed");

    private static final QualityFlag[] VALUES = values();

    private final String attribute;

    QualityFlag(String attribute) {
        this.attribute = attribute;
    }

    /**
     * The attribute name of this flag.
     *
     * @return the name as XEP-0323 spells it
     */
    public String attribute() {
        return attribute;
    }

    /**
     * Looks a flag up by attribute name.
     *
     * @param attribute the attribute name
     * @return the flag, empty if unknown
     */
    public static Optional<QualityFlag> fromAttribute(String attribute) {
        for (QualityFlag q : VALUES) {
            if (q.attribute.equals(attribute)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
