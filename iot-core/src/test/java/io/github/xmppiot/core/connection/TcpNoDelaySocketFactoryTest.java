package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class TcpNoDelaySocketFactoryTest {

    private final TcpNoDelaySocketFactory factory = new TcpNoDelaySocketFactory();

    @Test
    void unconnectedSocketAsUsedBySmackHasNoDelay() throws Exception {
        try (Socket s = factory.createSocket()) {
            assertThat(s.isConnected()).isFalse();
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void defaultFactoryDoesNotSetNoDelaySoTheTestCanFail() throws Exception {
        try (Socket s = SocketFactory.getDefault().createSocket()) {
            assertThat(s.getTcpNoDelay()).isFalse();
        }
    }

    @Test
    void connectedSocketsKeepNoDelay() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 4, loopback)) {
            int port = server.getLocalPort();
            try (Socket a = factory.createSocket(loopback, port);
                    Socket b = factory.createSocket(loopback.getHostAddress(), port);
                    Socket c = factory.createSocket(loopback, port, loopback, 0);
                    Socket d = factory.createSocket(loopback.getHostAddress(), port, loopback, 0)) {
                for (Socket s : new Socket[] {a, b, c, d}) {
                    assertThat(s.isConnected()).isTrue();
                    assertThat(s.getTcpNoDelay()).isTrue();
                }
                assertThat(c.getLocalAddress()).isEqualTo(loopback);
            }
        }
    }

    @Test
    void tlsLayeredOnTheSocketAsSmackDoesForStartTlsKeepsNoDelay() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 4, loopback);
                Socket plain = factory.createSocket(loopback, server.getLocalPort())) {
            SSLSocketFactory tls = SSLContext.getDefault().getSocketFactory();
            try (Socket layered = tls.createSocket(plain, "localhost", plain.getPort(), true)) {
                assertThat(layered.getTcpNoDelay()).isTrue();
            }
        }
    }

    @Test
    void smackConfigurationUsesTheFactory() throws Exception {
        IotConnectionConfig config =
                IotConnection.builder().jid("a@example.org").password("pw").build();
        SocketFactory used = config.toSmackConfiguration().getSocketFactory();
        assertThat(used).isInstanceOf(TcpNoDelaySocketFactory.class);
        try (Socket s = used.createSocket()) {
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }
}
