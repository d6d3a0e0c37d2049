package io.github.xmppiot.hal;

import java.util.Objects;

/**
 * A hardware operation failed: the bus transaction did not complete, the device did not answer, or the data it
 * returned failed a check. Every channel operation that talks to hardware declares this checked exception so that a
 * failed read can never be mistaken for a value.
 *
 * <p>The {@link #kind()} tells callers what went wrong without parsing messages, for instance to map a
 * {@link Kind#DEVICE_NOT_FOUND} to a "node not found" answer and a {@link Kind#CHECKSUM} to a retry.
 *
 * @since 0.1.0
 */
public class HalException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Classification of a hardware failure. */
    public enum Kind {
        /** The bus transaction failed (I/O error reported by the operating system or the backend). */
        IO_ERROR,
        /** The device or bus did not complete the operation in time. */
        TIMEOUT,
        /** No device answered at the address (I2C NACK, 1-Wire slave absent, missing chip). */
        DEVICE_NOT_FOUND,
        /** A device answered but it is not the expected chip (for example a wrong chip id). */
        WRONG_DEVICE,
        /** The data read failed an integrity check (for example a CRC). */
        CHECKSUM,
        /** The backend cannot perform this operation. */
        UNSUPPORTED,
        /** The calling thread was interrupted while waiting for the device; the interrupt flag is set again. */
        INTERRUPTED
    }

    private final Kind kind;

    /**
     * Creates an exception without a cause.
     *
     * @param kind    classification of the failure
     * @param message human-readable description naming the channel or device
     */
    public HalException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates an exception wrapping the backend's exception.
     *
     * @param kind    classification of the failure
     * @param message human-readable description naming the channel or device
     * @param cause   the underlying exception
     */
    public HalException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Classification of the failure.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Creates an {@link Kind#INTERRUPTED} exception and restores the current thread's interrupt flag.
     *
     * @param what  the operation that was waiting
     * @param cause the interruption
     * @return the exception to throw
     */
    public static HalException interrupted(String what, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new HalException(Kind.INTERRUPTED, "interrupted while " + what, cause);
    }
}
