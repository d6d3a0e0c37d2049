package io.github.xmppiot.console;

import io.github.xmppiot.concentrator.ConcentratorException;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.iq.IotErrorException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** One-line descriptions of failed requests, for the pages. */
final class Failures {

    /** Longest description shown. */
    static final int MAX_LENGTH = 300;

    private Failures() {}

    /**
     * Describes a failure.
     *
     * @param failure the failure
     * @return one line naming what went wrong
     */
    static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        String text;
        if (t instanceof ConnectionLostException) {
            text = "the connection to the XMPP server was lost; the console reconnects by itself";
        } else if (t instanceof TimeoutException) {
            text = "no answer in time (the device may be offline)";
        } else if (t instanceof IotErrorException ie) {
            text = ie.condition() + (ie.getMessage() == null ? "" : ": " + ie.getMessage());
        } else if (t instanceof ConcentratorException ce) {
            text = ce.result() + (ce.getMessage() == null ? "" : ": " + ce.getMessage());
        } else {
            text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
    }

    /**
     * The cause of a wrapped failure.
     *
     * @param failure the failure
     * @return the innermost cause of execution or completion wrappers
     */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
