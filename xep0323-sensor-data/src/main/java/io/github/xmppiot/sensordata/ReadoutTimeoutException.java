package io.github.xmppiot.sensordata;

import java.util.concurrent.TimeoutException;

/**
 * The Thing stopped answering a read-out: no {@code accepted}, {@code fields}, {@code failure}, {@code started} or
 * {@code done} arrived within the timeout (XEP-0323 §3: devices may lose power and forget requests; the client
 * should time out and may retry).
 *
 * @since 0.1.0
 */
public final class ReadoutTimeoutException extends TimeoutException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what timed out, naming the Thing, the sequence number and the timeout
     */
    public ReadoutTimeoutException(String message) {
        super(message);
    }
}
