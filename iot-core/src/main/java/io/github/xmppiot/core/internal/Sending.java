package io.github.xmppiot.core.internal;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Stanza;

/**
 * Sends a stanza whose loss needs no more than a log line: an answer, an event, a restored presence. A connection
 * that is gone, or a sender that is interrupted, is logged at {@code FINE} with what was not sent; an interrupt is
 * kept on the thread. Every module sends such stanzas through {@link #sendOrLog} instead of its own try block. Not
 * API.
 */
public final class Sending {

    private Sending() {}

    /**
     * Sends {@code stanza}, or logs that it could not be sent.
     *
     * @param connection the connection to send on
     * @param stanza the stanza
     * @param log the caller's logger
     * @param what what the stanza is, for the log line ("IoT answer", "event to owner@example.org")
     * @return {@code true} if the connection took the stanza, {@code false} if it was gone or the sender interrupted
     */
    public static boolean sendOrLog(XMPPConnection connection, Stanza stanza, Logger log, String what) {
        try {
            connection.sendStanza(stanza);
            return true;
        } catch (SmackException.NotConnectedException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.log(Level.FINE, "could not send " + what + ", connection gone", e);
            return false;
        }
    }
}
