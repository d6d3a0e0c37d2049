package io.github.xmppiot.core.connection;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.UnparseableStanza;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.parsing.ParsingExceptionCallback;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What every connection of the SDK does with a stanza it cannot parse: log it, drop it, and keep the connection
 * (Smack's default callback rethrows, which closes the stream, so one malformed stanza from anyone would take a device
 * offline). An IQ request ({@code get} or {@code set}) that cannot be parsed is answered with
 * {@code modify/bad-request} (RFC 6120 §8.3.3.1), so that its sender is not left waiting.
 *
 * <p>A malformed message (nobody waits for an answer; for example an XEP-0323 {@code <fields/>} without
 * {@code seqnr}, or an XEP-0325 {@code <set/>} with a bad value) is logged at {@code FINE} and never acted upon. Other
 * stanzas are logged at {@code WARNING}, rate-limited: at most {@value #WARNINGS_PER_MINUTE} lines per minute; the
 * rest go to {@code FINE}, and the number of lines held back is reported when the next minute starts. The state is a handful of
 * counters, whatever the traffic. {@link IotTcpConnection} installs it; {@link #installOn(XMPPConnection)} does the
 * same for a Smack connection created elsewhere.
 */
public final class UnparsableStanzas implements ParsingExceptionCallback {

    /** Lines logged at {@code WARNING} per minute at most. */
    public static final int WARNINGS_PER_MINUTE = 5;

    /** How much of a dropped stanza the log shows, in characters. */
    public static final int LOGGED_CHARS = 300;

    private static final Logger LOG = Logger.getLogger(UnparsableStanzas.class.getName());
    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final XMPPConnection connection;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int warningsInWindow;
    private long heldBack;
    private long dropped;

    /**
     * Creates the callback for a connection.
     *
     * @param connection the connection that answers unparsable IQ requests
     */
    public UnparsableStanzas(XMPPConnection connection) {
        this(connection, System::nanoTime);
    }

    UnparsableStanzas(XMPPConnection connection, LongSupplier nanoTime) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    /**
     * Installs this policy on a connection, unless it already has it.
     *
     * <p>On a plain Smack connection the callback keeps the connection up and logs, but it cannot answer an
     * unparsable IQ request: Smack hands it only the part of the stanza after the point of failure, without the
     * {@code <iq>} start tag that holds the id and sender (an {@link IotTcpConnection} records that tag before it
     * parses). The SDK's request providers therefore never throw on a malformed payload: they return a
     * {@link io.github.xmppiot.core.xml.MalformedRequest} ({@link io.github.xmppiot.core.xml.IotXml#parseRequest}),
     * which the manager answers with {@code modify/bad-request} on any connection; a request parsed by Smack's own
     * provider is wrapped the same way by {@link io.github.xmppiot.core.xml.AnsweringIqProvider} (the XEP-0324
     * provisioning server does so for XEP-0050 {@code command}).
     *
     * @param connection a connection; other than {@link AbstractXMPPConnection}s are left as they are
     */
    public static void installOn(XMPPConnection connection) {
        if (connection instanceof AbstractXMPPConnection c
                && !(c.getParsingExceptionCallback() instanceof UnparsableStanzas)) {
            c.setParsingExceptionCallback(new UnparsableStanzas(c));
        }
    }

    @Override
    public void handleUnparsableStanza(UnparseableStanza stanza) {
        handle(stanza.getContent(), stanza.getParsingException());
    }

    /**
     * Drops one stanza: logs it (rate-limited) and answers it with {@code bad-request} if it is an IQ request.
     *
     * @param content the stanza's XML as received
     * @param cause   why it could not be parsed
     */
    void handle(CharSequence content, Exception cause) {
        String xml = content == null ? "" : content.toString();
        Head head = connection instanceof IotTcpConnection c ? c.currentHead() : null;
        log(xml, cause, head != null ? "message".equals(head.element()) : xml.startsWith("<message"));
        Optional<ErrorIQ> badRequest = head != null ? badRequestFor(head, cause) : badRequestFor(xml, cause);
        badRequest.ifPresent(answer -> {
            try {
                connection.sendStanza(answer);
            } catch (NotConnectedException e) {
                LOG.log(Level.FINE, "Cannot answer an unparsable request: not connected", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * How many stanzas were dropped since the connection was created.
     *
     * @return the count
     */
    public synchronized long dropped() {
        return dropped;
    }

    private void log(String xml, Exception cause, boolean message) {
        String line = "Dropped a" + (message ? " message" : " stanza") + " that cannot be parsed (" + cause + "): "
                + shorten(xml);
        if (message) { // nobody waits for an answer: a debug line is enough
            synchronized (this) {
                dropped++;
            }
            LOG.log(Level.FINE, line, cause);
            return;
        }
        long held = 0;
        boolean warn;
        synchronized (this) {
            dropped++;
            long now = nanoTime.getAsLong();
            if (now - windowStart >= WINDOW_NANOS) {
                held = heldBack;
                heldBack = 0;
                warningsInWindow = 0;
                windowStart = now;
            }
            warn = warningsInWindow < WARNINGS_PER_MINUTE;
            if (warn) {
                warningsInWindow++;
            } else {
                heldBack++;
            }
        }
        if (held > 0) {
            LOG.warning(held + " more unparsable stanzas were dropped in the last minute (logged at FINE)");
        }
        LOG.log(warn ? Level.WARNING : Level.FINE, line, LOG.isLoggable(Level.FINE) ? cause : null);
    }

    /**
     * The {@code modify/bad-request} answer to an IQ request that could not be parsed.
     *
     * @param xml   the stanza as received
     * @param cause why it could not be parsed
     * @return the answer, or empty if the stanza is not an IQ {@code get}/{@code set} with an id
     */
    static Optional<ErrorIQ> badRequestFor(String xml, Exception cause) {
        try {
            XmlPullParser parser = PacketParserUtils.getParserFor(xml);
            if (!IQ.IQ_ELEMENT.equals(parser.getName())) {
                return Optional.empty();
            }
            return badRequestFor(
                    new Head(
                            IQ.IQ_ELEMENT,
                            parser.getAttributeValue("", "id"),
                            parser.getAttributeValue("", "type"),
                            parser.getAttributeValue("", "from")),
                    cause);
        } catch (Exception e) { // not even the head of the stanza is readable: nothing to answer
            return Optional.empty();
        }
    }

    /**
     * The start tag of a stanza, read before its content is parsed (Smack hands the callback only what follows the
     * point of failure).
     *
     * @param element {@code iq}, {@code message} or {@code presence}
     * @param id      the stanza id
     * @param type    the stanza type
     * @param from    the sender
     */
    record Head(String element, String id, String type, String from) {}

    /**
     * The {@code modify/bad-request} answer to an IQ request that could not be parsed.
     *
     * @param head  the IQ's start tag
     * @param cause why it could not be parsed
     * @return the answer, or empty if it is not a {@code get}/{@code set} with an id
     */
    static Optional<ErrorIQ> badRequestFor(Head head, Exception cause) {
        try {
            String type = head.type();
            String id = head.id();
            String from = head.from();
            if (!IQ.IQ_ELEMENT.equals(head.element()) || id == null || !("get".equals(type) || "set".equals(type))) {
                return Optional.empty();
            }
            IqData data = StanzaBuilder.buildIqData(id).ofType(IQ.Type.error);
            if (from != null) {
                Jid to = JidCreate.from(from);
                data.to(to);
            }
            StanzaError error = StanzaError.getBuilder(StanzaError.Condition.bad_request)
                    .setType(StanzaError.Type.MODIFY)
                    .setDescriptiveEnText(shorten("cannot parse the request: "
                            + Objects.toString(
                                    cause.getMessage(), cause.getClass().getSimpleName())))
                    .build();
            return Optional.of(ErrorIQ.builder(error, data).build());
        } catch (Exception e) { // the head of the stanza is broken too: nothing to answer
            return Optional.empty();
        }
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= LOGGED_CHARS ? oneLine : oneLine.substring(0, LOGGED_CHARS) + "…";
    }
}
