package io.github.xmppiot.core.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionPropertiesTest {

    private static Properties props(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void loadsEveryKey() throws Exception {
        String pem = PemTrustTest.resource("server.pem").toString().replace("\\", "/");
        IotConnectionConfig c = IotConnectionConfig.fromProperties(props("""
                xmpp.jid=meter@plant.example
                xmpp.password=pw
                xmpp.resource=gw
                xmpp.host=10.0.0.5
                xmpp.port=5223
                xmpp.tls=TRUE
                xmpp.trustCert=%s
                xmpp.allowPlainSasl=true
                xmpp.replyTimeout=PT3S
                xmpp.connectTimeout=750
                xmpp.sendPresence=false
                app.unrelated=ignored
                """.formatted(pem)));
        assertThat(c.jid().toString()).isEqualTo("meter@plant.example");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.resource())
                .hasValueSatisfying(r -> assertThat(r.toString()).isEqualTo("gw"));
        assertThat(c.host()).contains("10.0.0.5");
        assertThat(c.port()).hasValue(5223);
        assertThat(c.tls()).isTrue();
        assertThat(c.trustCertificate()).contains(PemTrustTest.resource("server.pem"));
        assertThat(c.plainSaslAllowed()).isTrue();
        assertThat(c.replyTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(c.sendPresence()).isFalse();
    }

    @Test
    void absentKeysKeepTheSecureDefaults() throws Exception {
        IotConnectionConfig c = IotConnectionConfig.fromProperties(props("xmpp.jid=a@b.example\nxmpp.password=x\n"));
        assertThat(c.tls()).isTrue();
        assertThat(c.plainSaslAllowed()).isFalse();
        assertThat(c.host()).isEmpty();
        assertThat(c.port()).isEmpty();
        assertThat(c.trustManager()).isEmpty();
        assertThat(c.replyTimeout()).isEqualTo(IotConnectionConfig.DEFAULT_REPLY_TIMEOUT);
    }

    @Test
    void tlsFalseMeansPlaintext() throws Exception {
        IotConnectionConfig c =
                IotConnectionConfig.fromProperties(props("xmpp.jid=a@b.example\nxmpp.password=x\nxmpp.tls=false\n"));
        assertThat(c.tls()).isFalse();
    }

    @Test
    void errorsNameTheKey() throws Exception {
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props("xmpp.password=x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.jid");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props("xmpp.jid=a@b.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.password");
        String base = "xmpp.jid=a@b.example\nxmpp.password=x\n";
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props(base + "xmpp.tls=yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.tls");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props(base + "xmpp.port=abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.port");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props(base + "xmpp.replyTimeout=soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.replyTimeout");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props(base + "xmpp.trustCert=/no/such.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.trustCert");
        assertThatThrownBy(() -> IotConnectionConfig.fromProperties(props("xmpp.jid=example.org\nxmpp.password=x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xmpp.jid");
    }
}
