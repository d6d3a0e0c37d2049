package io.github.xmppiot.core.connection;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Smack's TCP connection with one defect of Smack 4.4.8 repaired: when an IQ request arrives whose payload no provider
 * knows, Smack answers it with an error IQ that copies the request's payload, and prints that copy as malformed XML
 * (the start tag is never closed), so the server closes the connection with {@code not-well-formed}. Anyone who can
 * send an IQ to a device could take it offline that way. This connection sends error IQs without the copy of the
 * request (RFC 6120 §8.3.1 allows either), so every request still gets its error and the stream stays valid.
 *
 * <p>A stanza that cannot be parsed is logged and dropped, and the connection stays up ({@link UnparsableStanzas});
 * that includes a provider failing with an unexpected runtime exception, which would otherwise end Smack's reader.
 *
 * <p>A burst of sends no longer deadlocks Smack's XEP-0198 queues ({@link AckWindow}): a sender waits while 480
 * stanzas are queued or unacknowledged.
 *
 * <p>{@link IotConnection} and the test kit create connections of this class.
 *
 * @since 0.1.0
 */
public class IotTcpConnection extends XMPPTCPConnection {

    private static final Logger LOG = Logger.getLogger(IotTcpConnection.class.getName());

    private final Map<String, Function<ErrorIQ, IQ>> unknownRequestAnswers = new ConcurrentHashMap<>();
    private final UnparsableStanzas unparsable;
    private volatile UnparsableStanzas.Head head;
    /**
     * Guards the withheld presence. Not the connection's own monitor: Smack holds that during the whole of
     * {@code login()}, while its reader thread re-sends the stanzas of a resumed stream (presences among them) through
     * {@link #sendStanzaInternal}; waiting for it there blocked the resumption until the reply timeout.
     */
    private final Object presenceLock = new Object();

    private boolean withholding;
    private Presence withheld;
    private final AckWindow window;
    /** The thread that last parsed a stanza: Smack's reader, which must never wait for the {@link AckWindow}. */
    private volatile Thread reader;

    /**
     * Creates a connection.
     *
     * @param config the Smack configuration
     */
    public IotTcpConnection(XMPPTCPConnectionConfiguration config) {
        super(config);
        unparsable = new UnparsableStanzas(this);
        setParsingExceptionCallback(unparsable);
        window = new AckWindow(
                () -> SmackWorkarounds.inFlight(this),
                () -> isConnected() && !isDisconnectedButSmResumptionPossible() && isSmEnabled(),
                this::requestSmAcknowledgement,
                this::getReplyTimeout);
    }

    /**
     * What this connection does with stanzas it cannot parse.
     *
     * @return the callback installed at creation
     */
    public UnparsableStanzas unparsableStanzas() {
        return unparsable;
    }

    /**
     * The stanza being parsed on the reader thread, if any.
     *
     * @return its head, or null
     */
    UnparsableStanzas.Head currentHead() {
        return head;
    }

    /**
     * Parses and processes one stanza like Smack does; Smack hands only parse, I/O and illegal-argument exceptions to
     * the parsing-exception callback, so any other runtime exception of a provider is caught here, the rest of the
     * stanza is skipped and it is dropped the same way.
     */
    @Override
    protected void parseAndProcessStanza(XmlPullParser parser)
            throws XmlPullParserException, IOException, InterruptedException {
        int depth = parser.getDepth();
        reader = Thread.currentThread();
        // the callback only gets the content after the failure point, so it learns the stanza's head from here
        head = new UnparsableStanzas.Head(
                parser.getName(),
                parser.getAttributeValue("", "id"),
                parser.getAttributeValue("", "type"),
                parser.getAttributeValue("", "from"));
        try {
            super.parseAndProcessStanza(parser);
        } catch (RuntimeException e) {
            CharSequence rest = "";
            if (!(parser.getEventType() == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth)) {
                rest = PacketParserUtils.parseContentDepth(parser, depth);
            }
            unparsable.handle(rest, e);
        } finally {
            head = null;
        }
    }

    /**
     * Lets an extension answer requests in its namespace that no handler knows, instead of the generic
     * {@code feature-not-implemented} error: XEP-0326 §3.1 wants {@code <nameResponse result='NotImplemented'/>} for
     * unknown concentrator commands. Smack 4.4 dispatches handlers by exact element name, so this is the only place
     * that sees every unknown request of a namespace.
     *
     * <p>One answer per namespace: a later call replaces the earlier one. Close the returned registration (for example
     * in the extension manager's {@code close()}) to go back to the generic error; closing it after another answer
     * replaced this one leaves the other in place, and closing it twice changes nothing.
     *
     * @param namespace the payload namespace
     * @param answer    builds the answer from Smack's error reply (addressed to the requester, with the request's
     *                  element name and namespace); it must return an IQ of type result or error
     * @return the registration; {@link Registration#close()} removes this answer
     */
    public Registration answerUnknownRequests(String namespace, Function<ErrorIQ, IQ> answer) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(answer, "answer");
        unknownRequestAnswers.put(namespace, answer);
        return () -> unknownRequestAnswers.remove(namespace, answer);
    }

    /**
     * The answer registered for a namespace by {@link #answerUnknownRequests}.
     *
     * @param namespace the payload namespace
     * @return the answer, or null when requests of the namespace get the generic error
     */
    Function<ErrorIQ, IQ> unknownRequestAnswer(String namespace) {
        return namespace == null ? null : unknownRequestAnswers.get(namespace);
    }

    /**
     * Something registered on this connection, undone by {@link #close()} (idempotent, never throws).
     *
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        /** Removes the registration; a second call changes nothing. */
        @Override
        void close();
    }

    /**
     * Withholds this connection's available presence broadcasts (the initial presence Smack sends on login, and any
     * other available presence without addressee) until {@link #announce()}: a device is not visible as available
     * before its handlers and disco features are in place. See {@link Readiness}.
     */
    public void withholdPresence() {
        synchronized (presenceLock) {
            withholding = true;
        }
    }

    /**
     * Whether available presence is being withheld.
     *
     * @return true between {@link #withholdPresence()} and {@link #announce()}
     */
    public boolean isWithholdingPresence() {
        synchronized (presenceLock) {
            return withholding;
        }
    }

    /**
     * Stops withholding presence and broadcasts available presence: the last one withheld (so its status and priority
     * are kept), or a plain one. It passes Smack's interceptors again, so entity capabilities (XEP-0115) describe the
     * features installed by now.
     *
     * @throws NotConnectedException if the connection is not connected
     * @throws InterruptedException  if the thread is interrupted
     */
    public void announce() throws NotConnectedException, InterruptedException {
        Presence presence;
        synchronized (presenceLock) {
            withholding = false;
            presence = withheld != null
                    ? withheld.asBuilder().build()
                    : PresenceBuilder.buildPresence()
                            .ofType(Presence.Type.available)
                            .build();
            withheld = null;
        }
        sendStanza(presence);
    }

    @Override
    protected void sendStanzaInternal(Stanza packet) throws NotConnectedException, InterruptedException {
        ConnectionSupervisor supervisor = ConnectionSupervisor.existing(this);
        boolean resending = supervisor != null && supervisor.isResending(packet);
        if (resending) {
            if (SmackWorkarounds.isRequest(packet)) {
                // its request has failed with ConnectionLostException: it must not take effect now
                LOG.fine(() -> this + ": request not re-sent into the resumed stream: " + packet);
                return;
            }
        } else if (supervisor != null && !supervisor.allowsSending()) {
            throw new NotConnectedException(
                    "the connection is being re-established; try again after the " + "ConnectionEvent.Restored event");
        }
        if (packet instanceof Presence p && p.getType() == Presence.Type.available && p.getTo() == null) {
            synchronized (presenceLock) {
                if (withholding) {
                    withheld = p;
                    return;
                }
            }
        }
        if (packet instanceof ErrorIQ e && e.getChildElementName() != null) {
            Function<ErrorIQ, IQ> answer = unknownRequestAnswer(e.getChildElementNamespace());
            if (answer != null && e.getError().getCondition() == StanzaError.Condition.feature_not_implemented) {
                IQ replacement = answer.apply(e);
                replacement.setStanzaId(e.getStanzaId());
                replacement.setTo(e.getTo());
                write(replacement, resending);
                return;
            }
            write(withoutPayload(e), resending);
            return;
        }
        write(packet, resending);
    }

    /**
     * Queues a stanza with Smack once the {@link AckWindow} has room, except on the reader thread and for stanzas
     * Smack re-sends into a resumed stream (both run on the reader thread, which would wait for itself).
     */
    private void write(Stanza stanza, boolean resending) throws NotConnectedException, InterruptedException {
        if (resending || Thread.currentThread() == reader) {
            super.sendStanzaInternal(stanza);
        } else {
            window.send(() -> super.sendStanzaInternal(stanza));
        }
    }

    /**
     * The same error IQ without the copy of the request's payload: what this connection sends in place of Smack's
     * automatic error replies, whose copy is printed as malformed XML. For other connections that serialise Smack's
     * stanzas, such as the test kit's in-memory link.
     *
     * @param error an error IQ
     * @return an equivalent error IQ whose only child is {@code <error/>}
     * @since 0.1.0
     */
    public static ErrorIQ withoutPayload(ErrorIQ error) {
        IqData data = StanzaBuilder.buildIqData(error.getStanzaId())
                .ofType(IQ.Type.error)
                .to(error.getTo())
                .from(error.getFrom());
        return ErrorIQ.builder(error.getError(), data).build();
    }
}
