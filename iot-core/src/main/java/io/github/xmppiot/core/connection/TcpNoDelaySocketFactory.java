package io.github.xmppiot.core.connection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * A plain TCP socket factory whose sockets have {@code TCP_NODELAY} set before they connect.
 *
 * <p>XMPP requests and responses are small and interactive. With Nagle's algorithm enabled, a stanza written while an
 * earlier segment is still unacknowledged waits for the peer's delayed ACK, which turns a sub-millisecond IQ round trip
 * on a LAN into tens of milliseconds. Smack 4.4 obtains its socket from
 * {@code ConnectionConfiguration.getSocketFactory()} (calling {@link #createSocket()} and then connecting it) and
 * layers STARTTLS on top of that same socket with {@code SSLSocketFactory.createSocket(Socket, String, int, boolean)},
 * so the option set here also applies to the encrypted stream.
 *
 * @since 0.1.0
 */
public final class TcpNoDelaySocketFactory extends SocketFactory {

    /** Creates the factory; it is stateless and may be shared between connections. */
    public TcpNoDelaySocketFactory() {
        // stateless
    }

    /**
     * Creates an unconnected socket with {@code TCP_NODELAY} enabled.
     *
     * @return the socket
     * @throws IOException if the option cannot be set
     */
    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /**
     * Creates a socket with {@code TCP_NODELAY} enabled and connects it.
     *
     * @param host the remote host name
     * @param port the remote port
     * @return the connected socket
     * @throws IOException if the connection fails
     */
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(createSocket(), null, new InetSocketAddress(host, port));
    }

    /**
     * Creates a socket with {@code TCP_NODELAY} enabled, binds it locally and connects it.
     *
     * @param host      the remote host name
     * @param port      the remote port
     * @param localHost the local address to bind to
     * @param localPort the local port to bind to, 0 for any
     * @return the connected socket
     * @throws IOException if binding or connecting fails
     */
    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connect(createSocket(), new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    /**
     * Creates a socket with {@code TCP_NODELAY} enabled and connects it.
     *
     * @param host the remote address
     * @param port the remote port
     * @return the connected socket
     * @throws IOException if the connection fails
     */
    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connect(createSocket(), null, new InetSocketAddress(host, port));
    }

    /**
     * Creates a socket with {@code TCP_NODELAY} enabled, binds it locally and connects it.
     *
     * @param address      the remote address
     * @param port         the remote port
     * @param localAddress the local address to bind to
     * @param localPort    the local port to bind to, 0 for any
     * @return the connected socket
     * @throws IOException if binding or connecting fails
     */
    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connect(
                createSocket(), new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    private static Socket connect(Socket socket, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
