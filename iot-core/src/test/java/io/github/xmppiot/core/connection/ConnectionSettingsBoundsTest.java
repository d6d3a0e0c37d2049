package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.SmackException;
import org.junit.jupiter.api.Test;

/**
 * The edges of the connection settings: every documented limit is itself allowed, and what a configuration asks for
 * reaches the connection.
 */
class ConnectionSettingsBoundsTest {

    private static final X509TrustManager TRUST_NOTHING = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    @Test
    void theLimitsOfAReconnectPolicyAreAllowed() {
        Duration second = Duration.ofSeconds(1);
        ReconnectPolicy p = ReconnectPolicy.defaults()
                .withDelays(second, second)
                .withBackoff(1.0, 1.0)
                .withMaxAttempts(0)
                .withKeepAlive(second);
        assertThat(p.maxDelay()).isEqualTo(p.initialDelay());
        assertThat(p.multiplier()).isEqualTo(1.0);
        assertThat(p.keepAlive()).isEqualTo(second);
        assertThat(p.withBackoff(1.0, 0.0).jitter()).isZero();
        assertThatThrownBy(() -> p.withKeepAlive(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one second");
        assertThatThrownBy(() -> p.withBackoff(1.0, 1.0001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withBackoff(0.9999, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withDelays(second, second.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitsOfTheBuilderAreAllowed() {
        IotConnectionBuilder b = IotConnection.builder().jid("d@example.org").password("p");
        assertThat(b.port(0)).isSameAs(b);
        assertThat(b.port(65535).build().port()).hasValue(65535);
        assertThatThrownBy(() -> b.port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.port(-1)).isInstanceOf(IllegalArgumentException.class);
        Duration longest = Duration.ofMillis(Integer.MAX_VALUE);
        assertThat(b.connectTimeout(longest).build().connectTimeout()).isEqualTo(longest);
        assertThatThrownBy(() -> b.connectTimeout(longest.plusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
        ReconnectPolicy off = ReconnectPolicy.disabled();
        assertThat(b.reconnect(off)).isSameAs(b);
        assertThat(b.build().reconnectPolicy()).isEqualTo(off);
    }

    @Test
    void aPortWithoutAHostIsUsedWithTheDomainsAddress() {
        IotConnectionConfig config = IotConnectionConfig.builder()
                .jid("d@example.org")
                .password("p")
                .port(5223)
                .build();
        assertThat(config.toSmackConfiguration().getPort().intValue()).isEqualTo(5223);
        assertThat(config.toSmackConfiguration().getHostAddress()).isNull();
    }

    @Test
    void theConfigurationNamesItsTrust() {
        IotConnectionBuilder b = IotConnection.builder().jid("d@example.org").password("p");
        assertThat(b.build().toString()).contains("trust=system");
        assertThat(b.trustManager(TRUST_NOTHING).build().toString()).contains("trust=custom");
    }

    @Test
    void aCreatedConnectionHasTheConfigurationsPolicyAndTimeout() {
        ReconnectPolicy policy = ReconnectPolicy.defaults().withMaxAttempts(3);
        IotConnectionConfig config = IotConnection.builder()
                .jid("d@example.org")
                .password("p")
                .replyTimeout(Duration.ofSeconds(7))
                .reconnect(policy)
                .build();
        var c = IotConnection.create(config);
        assertThat(c).isInstanceOf(IotTcpConnection.class);
        assertThat(c.getReplyTimeout()).isEqualTo(7000);
        assertThat(ConnectionSupervisor.getInstanceFor(c).policy()).isEqualTo(policy);
    }

    @Test
    void connectingToAClosedPortFailsWithTheConnectionError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IotConnectionConfig config = IotConnection.builder()
                .jid("d@example.org")
                .password("p")
                .host("127.0.0.1")
                .port(port)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        assertThatThrownBy(() -> IotConnection.connect(config)).isInstanceOf(SmackException.ConnectionException.class);
    }

    @Test
    void aSocketBoundToALocalPortUsesIt() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int local;
        try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
            local = probe.getLocalPort();
        }
        try (ServerSocket server = new ServerSocket(0, 1, loopback);
                Socket s =
                        new TcpNoDelaySocketFactory().createSocket(loopback, server.getLocalPort(), loopback, local)) {
            assertThat(s.getLocalPort()).isEqualTo(local);
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }
}
