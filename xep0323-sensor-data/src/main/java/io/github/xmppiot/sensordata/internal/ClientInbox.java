package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Done;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.ReadoutMessage;
import io.github.xmppiot.sensordata.element.Rejected;
import io.github.xmppiot.sensordata.element.Started;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;

/**
 * The read-outs of a {@link io.github.xmppiot.sensordata.SensorDataClient} in progress, and the routing of what the
 * Things send to them (XEP-0323 §3): the answers to {@code req} by stanza id, the read-out messages by {@code seqnr}.
 * Thread-safe.
 */
public final class ClientInbox {

    private final Map<Integer, ClientReadout> active = new ConcurrentHashMap<>();
    /** Read-outs whose {@code req} has not been answered yet, by the request's stanza id. */
    private final Map<String, ClientReadout> unanswered = new ConcurrentHashMap<>();

    /**
     * Registers a read-out about to be sent.
     *
     * @param seqnr   its sequence number
     * @param id      the stanza id of its {@code req}
     * @param readout the read-out
     * @return false if another read-out in progress has this {@code seqnr} (pick another)
     */
    public boolean add(int seqnr, String id, ClientReadout readout) {
        if (active.putIfAbsent(seqnr, readout) != null) {
            return false;
        }
        unanswered.put(id, readout);
        return true;
    }

    /**
     * Forgets a read-out that ended.
     *
     * @param seqnr its sequence number
     * @param id    the stanza id of its {@code req}
     */
    public void remove(int seqnr, String id) {
        active.remove(seqnr);
        unanswered.remove(id);
    }

    /** @return the read-outs in progress */
    public Collection<ClientReadout> active() {
        return active.values();
    }

    /**
     * Whether a stanza answers a {@code req} still unanswered.
     *
     * @param stanza the stanza
     * @return true for an IQ result or error to a request of this client
     */
    public boolean isAnswer(Stanza stanza) {
        return stanza instanceof IQ iq
                && (iq.getType() == IQ.Type.result || iq.getType() == IQ.Type.error)
                && iq.getStanzaId() != null
                && unanswered.containsKey(iq.getStanzaId());
    }

    /**
     * Handles the answer to a {@code req}: only from the JID it went to (as Smack's reply filter), once.
     *
     * @param stanza an IQ that {@link #isAnswer(Stanza)} accepted
     */
    public void onAnswer(Stanza stanza) {
        IQ iq = (IQ) stanza;
        ClientReadout s = unanswered.get(iq.getStanzaId());
        if (s != null && sentBy(s, iq.getFrom()) && unanswered.remove(iq.getStanzaId(), s)) {
            onReqAnswer(s, iq);
        }
    }

    private static void onReqAnswer(ClientReadout s, IQ iq) {
        if (iq instanceof Accepted a) {
            s.onAccepted(a.queued(), iq.getFrom());
        } else if (iq.getType() == IQ.Type.error) {
            s.fail(errorOf(iq));
        } else {
            s.onAccepted(false, iq.getFrom());
        }
    }

    /**
     * The failure an IQ error (or the obsolete {@code rejected} of XEP-0324 example 14) stands for.
     *
     * @param iq the answer
     * @return the exception to fail a read-out or a cancel with
     */
    public static IotErrorException errorOf(IQ iq) {
        if (iq instanceof Rejected r) {
            return IotErrors.forbidden(r.text() != null ? r.text() : "read-out rejected");
        }
        if (iq.getError() != null) {
            return IotErrorException.from(iq.getError());
        }
        return new IotErrorException(
                StanzaError.Condition.undefined_condition,
                StanzaError.Type.CANCEL,
                "IQ error without an <error/> element",
                List.of());
    }

    /**
     * Hands each read-out message of a stanza to its read-out, if it came from the JID that read-out was sent to.
     *
     * @param stanza a message with {@code urn:xmpp:iot:sensordata} payloads
     */
    public void onMessage(Stanza stanza) {
        Message m = (Message) stanza;
        for (ExtensionElement e : m.getExtensions()) {
            if (!(e instanceof ReadoutMessage r)) {
                continue;
            }
            ClientReadout s = active.get(r.seqnr());
            if (s == null || !sentBy(s, m.getFrom())) {
                continue;
            }
            // one dispatch over the sealed ReadoutMessage (a pattern switch once the baseline is Java 21)
            if (r instanceof Fields f) {
                s.onFields(f, m.getFrom());
            } else if (r instanceof Failure f) {
                s.onFailure(f, m.getFrom());
            } else if (r instanceof Started) {
                s.onStarted(m.getFrom());
            } else if (r instanceof Done) {
                s.onDone(m.getFrom());
            }
        }
    }

    /**
     * Whether a stanza from this JID may belong to the read-out: the same JID as requested, or, for a request to a bare
     * JID, any of its resources.
     */
    private static boolean sentBy(ClientReadout s, Jid from) {
        if (from == null) {
            return false;
        }
        Jid thing = s.thing();
        return thing.hasResource() ? thing.equals(from) : thing.equals(from.asBareJid());
    }
}
