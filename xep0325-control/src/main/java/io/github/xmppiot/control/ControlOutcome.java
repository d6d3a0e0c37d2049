package io.github.xmppiot.control;

import io.github.xmppiot.core.iq.IotErrorException;
import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.Jid;

/**
 * What became of one control request a {@link ControlServer} received, as reported to its outcome listeners. Useful
 * for auditing and for message-mode requests (XEP-0325 §3.1), whose sender never hears of the outcome.
 *
 * @param requester  the requester's JID
 * @param byMessage  whether the request came in a {@code message} (no answer was sent) rather than an {@code iq}
 * @param result     the result if the request was executed, otherwise null
 * @param error      the refusal if it was not, otherwise null
 * @since 0.1.0
 */
public record ControlOutcome(Jid requester, boolean byMessage, SetResult result, IotErrorException error) {

    /**
     * Checks that exactly one of result and error is given.
     */
    public ControlOutcome {
        Objects.requireNonNull(requester, "requester");
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of result and error must be given");
        }
    }

    /** @return whether the request was executed */
    public boolean succeeded() {
        return result != null;
    }

    /** @return the refusal, empty if the request was executed */
    public Optional<IotErrorException> failure() {
        return Optional.ofNullable(error);
    }
}
