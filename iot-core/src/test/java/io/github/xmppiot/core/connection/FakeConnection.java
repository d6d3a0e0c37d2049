package io.github.xmppiot.core.connection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.DummyConnection;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A Smack connection without a network that behaves like {@code XMPPTCPConnection} where the supervisor looks: an
 * instant shutdown does not report "closed", a lost stream reports "closed on error", a login reports "authenticated"
 * and sends the initial presence. The test scripts failures of the next connects and logins.
 */
class FakeConnection extends DummyConnection {

    /** What the next {@code connect()} or {@code login()} does instead of succeeding. */
    final Queue<Exception> connectFailures = new ArrayDeque<>();

    final Queue<Exception> loginFailures = new ArrayDeque<>();
    /** The resources asked for by each login, null for "any". */
    final List<Resourcepart> loginResources = new ArrayList<>();
    /** Runs inside each connect, on the thread that connects. */
    volatile Runnable onConnect = () -> {};

    /** The resource the server binds whatever the client asks for, or null to grant the one asked for. */
    volatile String serverResource;

    volatile int connects;
    volatile int instantShutdowns;
    /** Whether a loss leaves the stream "connected" (Smack's stale, no longer resumable state). */
    volatile boolean lossKeepsConnected;

    private volatile long lastStanzaReceived;

    FakeConnection() {
        this(true);
    }

    FakeConnection(boolean sendPresence) {
        super(DummyConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFromOrThrowUnchecked("example.org"))
                .setUsernameAndPassword("sensor", "secret")
                .setResource(Resourcepart.fromOrThrowUnchecked("r1"))
                .setSendPresence(sendPresence)
                .build());
    }

    /** @return a connected and logged-in connection */
    static FakeConnection online() throws Exception {
        FakeConnection c = new FakeConnection();
        c.connect().login();
        c.drainSent();
        return c;
    }

    @Override
    protected void connectInternal() {
        connects++;
        onConnect.run();
        Exception e = connectFailures.poll();
        if (e != null) {
            sneakyThrow(e);
        }
        connected = true;
    }

    @Override
    protected void loginInternal(String username, String password, Resourcepart resource) throws XMPPException {
        loginResources.add(resource);
        Exception e = loginFailures.poll();
        if (e != null) {
            sneakyThrow(e);
        }
        Resourcepart r = serverResource != null
                ? Resourcepart.fromOrThrowUnchecked(serverResource)
                : resource != null ? resource : getConfiguration().getResource();
        user = JidCreate.entityFullFrom(JidCreate.entityBareFromOrThrowUnchecked(username + "@example.org"), r);
        try {
            afterSuccessfulLogin(false);
        } catch (SmackException.NotConnectedException | InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    protected void shutdown() {
        authenticated = false;
        connected = false;
    }

    @Override
    public void instantShutdown() {
        instantShutdowns++;
        shutdown();
    }

    /**
     * The stream breaks: Smack shuts the connection down and tells the listeners "closed on error".
     *
     * @param cause the error
     */
    void lose(Exception cause) {
        authenticated = false;
        connected = lossKeepsConnected;
        for (ConnectionListener l : connectionListeners) {
            l.connectionClosedOnError(cause);
        }
    }

    void receivedAt(long millis) {
        lastStanzaReceived = millis;
    }

    @Override
    public long getLastStanzaReceived() {
        return lastStanzaReceived;
    }

    /** @return the stanzas sent so far (not nonzas), and forgets them */
    List<Stanza> drainSent() {
        List<Stanza> sent = new ArrayList<>();
        TopLevelStreamElement e;
        while ((e = getSentPacket(0)) != null) {
            if (e instanceof Stanza s) {
                sent.add(s);
            }
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> void sneakyThrow(Exception e) throws E {
        throw (E) e;
    }
}
