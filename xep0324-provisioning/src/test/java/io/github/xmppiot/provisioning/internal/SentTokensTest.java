package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0324 §3.1.3.2: challenges are answered only for tokens sent to the challenger within the last minute. */
class SentTokensTest {

    @Test
    void onlyTheRecipientWithinOneMinute() throws Exception {
        ManualClock clock = new ManualClock();
        SentTokens log = new SentTokens(clock);
        log.record("T1", JidCreate.from("prov@example.org/x"), null);
        log.record("T2", JidCreate.from("prov@example.org/x"), JidCreate.from("client@example.org/app"));
        assertThat(log.lookup("T1", JidCreate.from("prov@example.org/other"))).contains(Optional.empty());
        assertThat(log.lookup("T2", JidCreate.from("prov@example.org")))
                .contains(Optional.of(JidCreate.from("client@example.org/app")));
        assertThat(log.lookup("T1", JidCreate.from("mallory@example.org/x"))).isEmpty();
        assertThat(log.lookup("T3", JidCreate.from("prov@example.org/x"))).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(log.lookup("T1", JidCreate.from("prov@example.org/x"))).isEmpty();
    }
}
