package io.github.xmppiot.core.connection;

import java.io.IOException;

/**
 * A request failed because the connection it was sent on was lost (or closed) before its answer arrived, or because
 * the connection was offline when the request was made. Requests of every client of the SDK (read-outs, control sets,
 * searches, concentrator commands) fail with this exception at once when the connection drops, instead of after the
 * reply timeout; see {@link ConnectionSupervisor#failFast(java.util.concurrent.CompletableFuture)}. The request may
 * or may not have reached the other side; repeat it once the connection is back
 * ({@link ConnectionEvent.Restored}) if it is idempotent.
 */
public class ConnectionLostException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was lost
     * @param cause   the connection error, or null if the connection was closed by the application
     */
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A short reason for an exception, for one-line messages.
     *
     * @param e the exception
     * @return its class and the first line of its message
     */
    static String reason(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName()
                + (message == null || message.isBlank()
                        ? ""
                        : ": " + message.lines().findFirst().orElse("").strip());
    }
}
