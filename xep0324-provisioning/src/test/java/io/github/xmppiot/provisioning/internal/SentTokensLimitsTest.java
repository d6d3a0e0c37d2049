package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ManualClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/** Issue 15 item 4: the log of sent tokens is purged once per request and holds a bounded number of entries. */
class SentTokensLimitsTest {

    @Test
    void oneRequestIsOnePurge() throws Exception {
        ManualClock clock = new ManualClock();
        SentTokens log = new SentTokens(clock);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tokens.add("T" + i);
        }
        Jid prov = JidCreate.from("prov@example.org/x");
        Jid origin = JidCreate.from("client@example.org/app");
        log.recordAll(tokens, prov, t -> t.equals("T0") ? null : origin);
        assertThat(clock.reads()).isEqualTo(1);
        assertThat(log.lookup("T0", prov)).contains(Optional.empty());
        assertThat(log.lookup("T15", prov)).contains(Optional.of(origin));
    }

    @Test
    void theLogIsBounded() throws Exception {
        SentTokens log = new SentTokens(Clock.systemUTC());
        Jid prov = JidCreate.from("prov@example.org/x");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SentTokens.MAX_ENTRIES + 5; i++) {
            tokens.add("T" + i);
        }
        log.recordAll(tokens, prov, t -> null);
        assertThat(log.lookup("T" + (SentTokens.MAX_ENTRIES - 1), prov)).isPresent();
        assertThat(log.lookup("T" + SentTokens.MAX_ENTRIES, prov)).isEmpty();
    }
}
