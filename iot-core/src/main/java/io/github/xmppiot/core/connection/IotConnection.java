package io.github.xmppiot.core.connection;

import java.io.IOException;
import java.util.Objects;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Entry point for creating XMPP connections with the SDK's secure defaults.
 *
 * <pre>{@code
 * IotConnectionConfig config = IotConnection.builder()
 *         .jid("sensor-7@example.org")
 *         .password(secret)
 *         .build();
 * XMPPTCPConnection connection = IotConnection.connect(config);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class IotConnection {

    private IotConnection() {}

    /**
     * Starts a configuration builder with the secure defaults described in {@link IotConnectionConfig}.
     *
     * @return a new builder
     */
    public static IotConnectionBuilder builder() {
        return new IotConnectionBuilder();
    }

    /**
     * Creates a connection that is not connected yet, with the configuration's reply timeout and reconnection policy
     * applied. Watch its state with {@code ConnectionSupervisor.getInstanceFor(connection).addListener(...)}.
     *
     * @param config the configuration
     * @return the new, unconnected connection
     */
    public static XMPPTCPConnection create(IotConnectionConfig config) {
        Objects.requireNonNull(config, "config");
        XMPPTCPConnection connection = new IotTcpConnection(config.toSmackConfiguration());
        connection.setReplyTimeout(config.replyTimeout().toMillis());
        ConnectionSupervisor.getInstanceFor(connection).setPolicy(config.reconnectPolicy());
        return connection;
    }

    /**
     * Creates a connection, connects it and logs in. If any step fails the connection is disconnected before the
     * exception is thrown (reconnection starts only after a first successful login).
     *
     * @param config the configuration
     * @return the connected and authenticated connection
     * @throws SmackException       if the connection or the login fails on the client side (for example a TLS or
     *                              timeout problem)
     * @throws IOException          if a network error occurs
     * @throws XMPPException        if the server refuses the stream or the credentials
     * @throws InterruptedException if the calling thread is interrupted
     */
    public static XMPPTCPConnection connect(IotConnectionConfig config)
            throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection connection = create(config);
        boolean ok = false;
        try {
            connection.connect();
            connection.login();
            ok = true;
            return connection;
        } finally {
            if (!ok) {
                connection.disconnect();
            }
        }
    }
}
