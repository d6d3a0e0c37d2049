package io.github.xmppiot.sensordata;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;

/**
 * Two Smack {@link DummyConnection}s wired to each other as if through a server: a stanza addressed to a JID is
 * serialised, parsed again (so every provider is exercised) and delivered to the peer on a single "wire" thread, in
 * order, stamped with the sender's full JID. Stanzas to the server (no {@code to}) are dropped.
 */
final class Link implements AutoCloseable {

    final Peer thing;
    final Peer client;

    Link() throws Exception {
        thing = new Peer("thing");
        client = new Peer("client");
        thing.peer = client;
        client.peer = thing;
        thing.connect().login();
        client.connect().login();
    }

    @Override
    public void close() {
        thing.wire.shutdownNow();
        client.wire.shutdownNow();
        thing.disconnect();
        client.disconnect();
    }

    /** One side of the link. */
    static final class Peer extends DummyConnection {
        private final ExecutorService wire = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wire");
            t.setDaemon(true);
            return t;
        });
        /** Everything this side sent to its peer, as XML. */
        final List<String> sent = new CopyOnWriteArrayList<>();
        /** Everything this side received, parsed. */
        final List<Stanza> received = new java.util.ArrayList<>();

        private volatile Peer peer;

        Peer(String user) throws Exception {
            super(user, "password", "example.org");
        }

        @Override
        protected void sendStanzaInternal(Stanza stanza) {
            if (stanza.getTo() == null || !stanza.getTo().hasLocalpart() || wire.isShutdown()) {
                return; // addressed to the server, or sent after the test closed the link
            }
            String xml = stanza.toXML().toString();
            sent.add(xml);
            Peer target = peer;
            wire.execute(() -> target.deliver(xml, getUser()));
        }

        /**
         * Sends raw XML to the peer as if this side had sent it.
         *
         * @param xml a stanza
         */
        void inject(String xml) {
            sent.add(xml);
            Peer target = peer;
            wire.execute(() -> target.deliver(xml, getUser()));
        }

        private void deliver(String xml, org.jxmpp.jid.Jid from) {
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
         * Waits for a received stanza matching a condition and removes it from {@link #received}.
         *
         * @param match   the condition
         * @param timeout how long to wait at most
         * @return the stanza
         */
        Stanza await(Predicate<Stanza> match, Duration timeout) throws InterruptedException {
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
