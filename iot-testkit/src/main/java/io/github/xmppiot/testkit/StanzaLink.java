package io.github.xmppiot.testkit;

import io.github.xmppiot.core.connection.IotTcpConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jxmpp.jid.Jid;

/**
 * Smack {@link DummyConnection}s wired to each other as if through a server, for unit tests of managers without one.
 *
 * <p>A stanza addressed to a peer's JID (bare or full) is serialised, parsed again (so every provider is exercised)
 * and delivered to that peer on one "wire" thread, in the order sent, stamped with the sender's full JID when it has no
 * {@code from}; Smack's automatic error replies go without the copy of the request's payload, as on an
 * {@link IotTcpConnection}. Stanzas to the server (no {@code to}, or a JID without a local part) are dropped; stanzas
 * to unknown JIDs are recorded in {@link Peer#sent()} but not delivered. A peer's stanza sending listeners are told of every stanza
 * it sends, after it is routed, as with a real connection. Bounds: each peer keeps what it sent and received until the link closes;
 * a test sends at most a few thousand stanzas.
 *
 * <pre>{@code
 * try (StanzaLink link = new StanzaLink()) {
 *     StanzaLink.Peer thing = link.peer("thing");
 *     StanzaLink.Peer client = link.peer("client");
 *     ...
 * }
 * }</pre>
 */
public final class StanzaLink implements AutoCloseable {

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final ExecutorService wire = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stanza-link-wire");
        t.setDaemon(true);
        return t;
    });

    /**
     * Creates, connects and logs in a peer {@code localpart@example.org/res}.
     *
     * @param localpart the peer's user name, unique on this link
     * @return the connected peer
     * @throws Exception if Smack refuses the connection
     */
    public Peer peer(String localpart) throws Exception {
        Peer p = new Peer(this, localpart);
        if (peers.putIfAbsent(localpart, p) != null) {
            throw new IllegalArgumentException("a peer named " + localpart + " is already on this link");
        }
        p.connect().login();
        return p;
    }

    /** Stops delivering and disconnects every peer; idempotent. */
    @Override
    public void close() {
        wire.shutdownNow();
        peers.values().forEach(Peer::instantShutdown);
    }

    private void route(String xml, Stanza stanza, Jid sender) {
        Jid to = stanza.getTo();
        if (to == null || !to.hasLocalpart() || wire.isShutdown()) {
            return; // to the server, or sent after the test closed the link
        }
        Peer target = peers.get(to.getLocalpartOrNull().toString());
        if (target != null) {
            wire.execute(() -> target.deliver(xml, sender));
        }
    }

    /** One party on the link: a logged-in {@link DummyConnection} that records its traffic. */
    public static final class Peer extends DummyConnection {
        private final StanzaLink link;
        private final List<String> sent = new CopyOnWriteArrayList<>();
        private final List<Stanza> received = new ArrayList<>();

        private Peer(StanzaLink link, String user) throws Exception {
            super(user, "password", "example.org");
            this.link = link;
        }

        /**
         * Everything this peer sent to other parties, as XML, in order (not what it sent to the server).
         *
         * @return a live, thread-safe view
         */
        public List<String> sent() {
            return sent;
        }

        /** Routes the stanza, then tells the stanza sending listeners, as a real connection's writer does. */
        @Override
        protected void sendStanzaInternal(Stanza original) {
            // Smack's automatic error reply copies the request's payload as malformed XML, which the wire could not
            // parse: sent as a real IotTcpConnection sends it
            Stanza stanza = original instanceof ErrorIQ e && e.getChildElementName() != null
                    ? IotTcpConnection.withoutPayload(e)
                    : original;
            if (stanza.getTo() != null && stanza.getTo().hasLocalpart()) {
                String xml = stanza.toXML().toString();
                sent.add(xml);
                link.route(xml, stanza, getUser());
            } // else to the server: nobody on the link answers it
            firePacketSendingListeners(stanza);
        }

        /**
         * Sends raw XML as if this peer had sent it (for malformed or foreign stanzas).
         *
         * @param xml a stanza with a {@code to} naming another peer
         * @throws IllegalArgumentException if Smack cannot read the XML as a stanza
         */
        public void inject(String xml) {
            Stanza stanza;
            try {
                stanza = PacketParserUtils.parseStanza(xml);
            } catch (Exception e) {
                throw new IllegalArgumentException("not a stanza: " + xml, e);
            }
            sent.add(xml);
            link.route(xml, stanza, getUser());
        }

        private void deliver(String xml, Jid from) {
            try {
                Stanza s = PacketParserUtils.parseStanza(xml);
                if (s.getFrom() == null) {
                    s.setFrom(from);
                }
                synchronized (received) {
                    received.add(s);
                    received.notifyAll();
                }
                processStanza(s);
            } catch (Exception e) {
                throw new IllegalStateException("peer could not parse " + xml, e);
            }
        }

        /**
         * Waits for a received stanza matching a condition and removes it from what this peer has received.
         *
         * @param match   the condition
         * @param timeout how long to wait at most
         * @return the stanza
         * @throws InterruptedException if interrupted while waiting
         * @throws AssertionError       if none arrives in time, listing what did arrive
         */
        public Stanza await(Predicate<Stanza> match, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            synchronized (received) {
                while (true) {
                    for (Stanza s : received) {
                        if (match.test(s)) {
                            received.remove(s);
                            return s;
                        }
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                    if (left <= 0) {
                        throw new AssertionError("no matching stanza within " + timeout + "; received: " + received);
                    }
                    received.wait(left);
                }
            }
        }
    }
}
