package io.github.xmppiot.testkit;

import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.IotConnectionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;

/**
 * What a test needs from a running XMPP server of the kit, whichever it is ({@link ProsodyServer},
 * {@link EjabberdServer}): test helpers written against this interface run the same flow on both servers.
 */
public interface XmppTestServer extends AutoCloseable {

    /** @return the XMPP domain of the server's virtual host */
    String domain();

    /** @return the c2s port on 127.0.0.1 */
    int port();

    /** @return true if clients must use STARTTLS */
    boolean tls();

    /** @return the PEM certificate clients must trust, or empty for a plaintext-only server */
    Optional<Path> certificate();

    /** @return the address of the pubsub service (XEP-0060), {@code pubsub.<domain>} */
    String pubsubService();

    /** @return the server's log so far */
    String log();

    /**
     * The bare JID of a user of this server.
     *
     * @param user the local part
     * @return {@code user@domain}
     */
    EntityBareJid jid(String user);

    /**
     * The password of a user's account.
     *
     * @param user the local part
     * @return the password
     */
    String password(String user);

    /**
     * Creates the account with its default password unless this server already created it.
     *
     * @param user the local part
     */
    void ensureAccount(String user);

    /**
     * Connects and logs in as a user, creating the account if needed; disconnected after the test under the JUnit
     * extensions.
     *
     * @param user the local part
     * @return the authenticated connection
     * @throws SmackException       if the connection fails on the client side
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream, the registration or the login
     * @throws InterruptedException if the thread is interrupted
     */
    XMPPTCPConnection connect(String user) throws SmackException, IOException, XMPPException, InterruptedException;

    /**
     * Connects and logs in as a user with a resource, creating the account if needed.
     *
     * @param user     the local part
     * @param resource the resource
     * @return the authenticated connection
     * @throws SmackException       if the connection fails on the client side
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream, the registration or the login
     * @throws InterruptedException if the thread is interrupted
     */
    XMPPTCPConnection connect(String user, String resource)
            throws SmackException, IOException, XMPPException, InterruptedException;

    /**
     * A Smack configuration builder for a user (credentials, host, port, trust, SCRAM, {@code TCP_NODELAY}); the
     * account is created if needed.
     *
     * @param user the local part
     * @return a new builder
     */
    XMPPTCPConnectionConfiguration.Builder configBuilder(String user);

    /**
     * The SDK's connection configuration for a user, for {@link IotConnection#connect(IotConnectionConfig)}; the
     * account is created if needed.
     *
     * @param user the local part
     * @return the configuration
     */
    IotConnectionConfig iotConfig(String user);

    /** Disconnects every connection created by {@link #connect(String, String)} that is still tracked. */
    void disconnectAll();

    /** Stops the server and deletes its directory. */
    @Override
    void close();
}
