package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ManualClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0324 §3.1.3.2, §6.2, for any interleaving of sendings: within the window the party that a challenge is relayed
 * to (or "ourselves") never changes, a refused sending changes nothing, and a recorded one is what a challenge finds.
 */
class SentTokensProperties {

    /** One step: after {@code seconds}, {@code party} (null: ourselves) sends {@code token} to {@code recipient}. */
    record Step(int seconds, String token, String recipient, String party) {}

    @Property(tries = 300)
    void theChallengedPartyNeverChangesWithinTheWindow(@ForAll("steps") List<Step> steps) throws Exception {
        ManualClock clock = new ManualClock();
        SentTokens log = new SentTokens(clock);
        Map<String, Long> lastSent = new HashMap<>();
        long now = 0;
        for (Step s : steps) {
            clock.advance(Duration.ofSeconds(s.seconds()));
            now += s.seconds();
            Jid to = JidCreate.from(s.recipient());
            Jid origin = s.party() == null ? null : JidCreate.from(s.party());
            Optional<Optional<Jid>> before = log.lookup(s.token(), to);
            boolean recorded = log.record(s.token(), to, origin);
            Optional<Optional<Jid>> after = log.lookup(s.token(), to);
            if (before.isPresent() && !party(before.get()).equals(party(Optional.ofNullable(origin)))) {
                assertThat(recorded)
                        .as("another party's sending within the window")
                        .isFalse();
            } else {
                assertThat(recorded).as("a free token, or the same party again").isTrue();
            }
            if (recorded) {
                assertThat(after).contains(Optional.ofNullable(origin));
                lastSent.put(s.token() + ' ' + to.asBareJid(), now);
            } else {
                assertThat(after).isEqualTo(before);
            }
            Long last = lastSent.get(s.token() + ' ' + to.asBareJid());
            assertThat(after.isPresent())
                    .as("held exactly for the window after the last recorded sending")
                    .isEqualTo(last != null && now - last <= SentTokens.WINDOW.toSeconds());
        }
    }

    private static String party(Optional<Jid> origin) {
        return origin.map(j -> j.asBareJid().toString()).orElse("ourselves");
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 70),
                        Arbitraries.of("T1", "T2"),
                        Arbitraries.of("prov@example.org/a", "prov@example.org/b", "other@example.org/c"),
                        Arbitraries.of("holder@example.org/app", "holder@example.org/phone", "impostor@example.org/x")
                                .injectNull(0.25))
                .as(Step::new);
        return step.list().ofMaxSize(25);
    }
}
