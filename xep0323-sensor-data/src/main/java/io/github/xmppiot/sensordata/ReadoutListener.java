package io.github.xmppiot.sensordata;

import java.util.List;

/**
 * Partial results of a read-out as they arrive (XEP-0323 §3: results come in several messages). Callbacks of one
 * read-out are made one at a time, in the order the messages arrived, never on Smack's reader thread; a slow
 * callback delays only later callbacks of the same read-out. Every method has an empty default.
 *
 * @since 0.1.0
 */
public interface ReadoutListener {

    /** A listener that ignores everything. */
    ReadoutListener NONE = new ReadoutListener() {};

    /**
     * The Thing accepted the request (or sent results first, which counts as acceptance, XEP-0323 §3).
     *
     * @param queued whether the read-out was queued for later ({@code started} will follow)
     */
    default void onAccepted(boolean queued) {}

    /** A queued read-out has started (XEP-0323 §3.1 {@code started}). */
    default void onStarted() {}

    /**
     * Field values arrived (already filtered against the request).
     *
     * @param fields the values of one {@code fields} message
     */
    default void onFields(List<ReadoutField> fields) {}

    /**
     * Failures arrived.
     *
     * @param failures the errors of one {@code failure} message, or unreadable values of a {@code fields} message
     */
    default void onFailures(List<ReadoutFailure> failures) {}

    /**
     * The read-out is complete ({@code done}).
     *
     * @param readout everything received
     */
    default void onDone(Readout readout) {}

    /**
     * The read-out ended without {@code done}: refused (an {@code IotErrorException}), timed out
     * ({@link ReadoutTimeoutException}), cancelled ({@link java.util.concurrent.CancellationException}) or the
     * connection failed.
     *
     * @param error the reason
     */
    default void onError(Throwable error) {}
}
