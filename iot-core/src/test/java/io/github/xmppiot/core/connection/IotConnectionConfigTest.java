package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Test;

class IotConnectionConfigTest {

    private static IotConnectionBuilder minimal() {
        return IotConnection.builder().jid("sensor-7@example.org").password("s3cret");
    }

    @Test
    void defaultsAreSecure() {
        IotConnectionConfig c = minimal().build();
        assertThat(c.tls()).isTrue();
        assertThat(c.plainSaslAllowed()).isFalse();
        assertThat(c.trustManager()).isEmpty();
        assertThat(c.host()).isEmpty();
        assertThat(c.port()).isEmpty();
        assertThat(c.resource()).isEmpty();
        assertThat(c.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.saslMechanisms()).containsExactly("SCRAM-SHA-1");

        XMPPTCPConnectionConfiguration s = c.toSmackConfiguration();
        assertThat(s.getSecurityMode()).isEqualTo(SecurityMode.required);
        assertThat(s.getXMPPServiceDomain().toString()).isEqualTo("example.org");
        assertThat(s.getUsername().toString()).isEqualTo("sensor-7");
        assertThat(s.getPassword()).isEqualTo("s3cret");
        assertThat((Object) s.getHost()).isNull();
        assertThat(s.getHostAddress()).isNull();
        assertThat(s.getEnabledSaslMechanisms()).containsExactly("SCRAM-SHA-1");
        assertThat(s.isEnabledSaslMechanism("PLAIN")).isFalse();
        assertThat(s.getSocketFactory()).isInstanceOf(TcpNoDelaySocketFactory.class);
        assertThat(s.getConnectTimeout()).isEqualTo(10_000);
        assertThat(s.isSendPresence()).isTrue();
    }

    @Test
    void hostPortAndResourceAreMapped() {
        XMPPTCPConnectionConfiguration s = minimal()
                .host("127.0.0.1")
                .port(15222)
                .resource("probe")
                .connectTimeout(Duration.ofMillis(1500))
                .sendPresence(false)
                .build()
                .toSmackConfiguration();
        assertThat(s.getHostAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(s.getPort().intValue()).isEqualTo(15222);
        assertThat(s.getResource().toString()).isEqualTo("probe");
        assertThat(s.getConnectTimeout()).isEqualTo(1500);
        assertThat(s.isSendPresence()).isFalse();
    }

    @Test
    void hostNameWithoutPortUsesTheStandardPort() {
        XMPPTCPConnectionConfiguration s =
                minimal().host("xmpp.example.org").build().toSmackConfiguration();
        assertThat(s.getHost().toString()).isEqualTo("xmpp.example.org");
        assertThat(s.getPort().intValue()).isEqualTo(5222);
    }

    @Test
    void plaintextAndPlainSaslAreExplicitOptIns() {
        IotConnectionConfig c = minimal().plaintext().allowPlainSasl().build();
        XMPPTCPConnectionConfiguration s = c.toSmackConfiguration();
        assertThat(s.getSecurityMode()).isEqualTo(SecurityMode.disabled);
        assertThat(s.getEnabledSaslMechanisms()).containsExactlyInAnyOrder("SCRAM-SHA-1", "PLAIN");
        assertThat(c.saslMechanisms()).containsExactly("SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void trustCertificateBecomesTheCustomTrustManager() {
        IotConnectionConfig c =
                minimal().trustCertificate(PemTrustTest.resource("server.pem")).build();
        assertThat(c.trustCertificate()).contains(PemTrustTest.resource("server.pem"));
        X509TrustManager tm = c.trustManager().orElseThrow();
        assertThat(tm.getAcceptedIssuers()).hasSize(1);
        assertThat(c.toSmackConfiguration().getSecurityMode()).isEqualTo(SecurityMode.required);
    }

    @Test
    void givenTrustManagerIsKept() throws Exception {
        X509TrustManager tm = PemTrust.trustManager(PemTrustTest.resource("other.pem"));
        IotConnectionConfig c = minimal()
                .trustCertificate(PemTrustTest.resource("server.pem"))
                .trustManager(tm)
                .build();
        assertThat(c.trustManager()).containsSame(tm);
        assertThat(c.trustCertificate()).isEmpty();
    }

    @Test
    void requiredSettingsAreChecked() {
        assertThatThrownBy(() -> IotConnection.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jid")
                .hasMessageContaining("password");
        assertThatThrownBy(() -> IotConnection.builder().jid("no-local-part.example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IotConnection.builder().password("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal().replyTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minimal()
                        .plaintext()
                        .trustCertificate(PemTrustTest.resource("server.pem"))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plaintext");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(minimal().build().toString())
                .contains("sensor-7@example.org")
                .doesNotContain("s3cret");
    }

    @Test
    void createdConnectionCarriesTheReplyTimeout() {
        XMPPTCPConnection connection = IotConnection.create(
                minimal().replyTimeout(Duration.ofMillis(2500)).build());
        assertThat(connection.getReplyTimeout()).isEqualTo(2500);
        assertThat(connection.isConnected()).isFalse();
    }
}
