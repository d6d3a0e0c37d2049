package io.github.xmppiot.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.jivesoftware.smack.DummyConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0347 §3.4 / XEP-0077 registration is refused without TLS unless the caller opts out, before anything is sent. */
class InBandAccountTest {

    @Test
    void noRegistrationOverAnInsecureConnectionByDefault() throws Exception {
        DummyConnection connection = new DummyConnection();
        connection.connect();
        try {
            int before = connection.getNumberOfSentPackets();
            assertThatThrownBy(() -> InBandAccount.register(connection, "thing-", false, Runnable::run)
                            .join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TLS");
            assertThat(connection.getNumberOfSentPackets()).isEqualTo(before);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void credentialsNeverPrintThePassword() {
        InBandAccount.Credentials c = new InBandAccount.Credentials(
                JidCreate.entityBareFromOrThrowUnchecked("thing-1@example.org"), "s3cr3t-Pa55");
        assertThat(c.toString()).contains("thing-1@example.org").doesNotContain("s3cr3t-Pa55");
    }
}
