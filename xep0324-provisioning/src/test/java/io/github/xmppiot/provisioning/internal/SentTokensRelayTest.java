package io.github.xmppiot.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * XEP-0324 §3.1.3.2, §6.2: a challenge names the token, not the request, so a token sent to a recipient belongs to
 * one sender within the window; another sender's use of it is refused, and cannot redirect the challenge.
 */
class SentTokensRelayTest {

    private final ManualClock clock = new ManualClock();
    private final SentTokens log = new SentTokens(clock);
    private final Jid prov = jid("prov@example.org/x");
    private final Jid holder = jid("holder@example.org/app");
    private final Jid impostor = jid("impostor@example.org/evil");

    private static Jid jid(String s) {
        try {
            return JidCreate.from(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    @Test
    void anotherPartyCannotTakeOverAPendingForward() {
        assertThat(log.record("T", prov, impostor)).isTrue();
        assertThat(log.record("T", prov, holder))
                .as("the holder, while the impostor's forward is pending")
                .isFalse();
        assertThat(log.lookup("T", prov)).contains(Optional.of(impostor));
        assertThat(log.record("T", jid("other-prov@example.org/y"), holder))
                .as("another recipient is another challenge")
                .isTrue();
        assertThat(log.lookup("T", jid("other-prov@example.org"))).contains(Optional.of(holder));
        assertThat(log.record("U", prov, holder)).as("another token").isTrue();
    }

    @Test
    void ourOwnSendingCannotBeTakenOverNorTakeOver() {
        assertThat(log.record("OWN", prov, null)).isTrue();
        assertThat(log.record("OWN", prov, impostor)).isFalse();
        assertThat(log.lookup("OWN", prov)).contains(Optional.empty());
        assertThat(log.record("OWN", prov, null)).as("our own sending again").isTrue();

        assertThat(log.record("T", prov, holder)).isTrue();
        assertThat(log.record("T", prov, null))
                .as("our own sending of a token forwarded for the holder")
                .isFalse();
        assertThat(log.lookup("T", prov)).contains(Optional.of(holder));
    }

    @Test
    void theSamePartyMaySendAgainFromAnyResourceAndTheWindowRestarts() {
        assertThat(log.record("T", prov, holder)).isTrue();
        clock.advance(Duration.ofSeconds(50));
        Jid phone = jid("holder@example.org/phone");
        assertThat(log.record("T", jid("prov@example.org/other"), phone)).isTrue();
        assertThat(log.lookup("T", prov))
                .as("the latest resource gets the challenge")
                .contains(Optional.of(phone));
        clock.advance(Duration.ofSeconds(50));
        assertThat(log.lookup("T", prov))
                .as("100 s after the first sending, 50 s after the second")
                .isPresent();
        assertThat(log.record("T", prov, impostor)).isFalse();
    }

    @Test
    void aForwardIsHeldForExactlyTheWindow() {
        assertThat(log.record("T", prov, impostor)).isTrue();
        clock.advance(SentTokens.WINDOW);
        assertThat(log.lookup("T", prov)).as("at the end of the window").contains(Optional.of(impostor));
        assertThat(log.record("T", prov, holder)).as("at the end of the window").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(log.lookup("T", prov)).as("after the window").isEmpty();
        assertThat(log.record("T", prov, holder)).as("after the window").isTrue();
        assertThat(log.lookup("T", prov)).contains(Optional.of(holder));
    }

    @Test
    void aForwardIsHeldUntilEveryForwardOfItWasAnswered() {
        assertThat(log.forwardAll(List.of("T"), prov, impostor)).isEmpty();
        assertThat(log.forwardAll(List.of("T"), prov, impostor))
                .as("the same party again")
                .isEmpty();
        assertThat(log.forwardAll(List.of("T"), prov, holder)).containsExactly("T");
        log.answered(List.of("T"), prov, holder);
        log.answered(List.of("T"), prov, impostor);
        assertThat(log.forwardAll(List.of("T"), prov, holder))
                .as("another party's answer releases nothing; one forward of two still awaits its answer")
                .containsExactly("T");
        log.answered(List.of("T"), prov, impostor);
        assertThat(log.lookup("T", prov))
                .as("answered: challenges still go to the origin")
                .contains(Optional.of(impostor));
        assertThat(log.forwardAll(List.of("T"), prov, holder))
                .as("until another party takes it over")
                .isEmpty();
        assertThat(log.lookup("T", prov)).contains(Optional.of(holder));
        assertThat(log.forwardAll(List.of("T"), prov, impostor)).containsExactly("T");
    }

    @Test
    void aSurplusAnswerDoesNotReleaseALaterForward() {
        assertThat(log.forwardAll(List.of("T"), prov, holder)).isEmpty();
        log.answered(List.of("T"), prov, holder);
        log.answered(List.of("T"), prov, holder);
        assertThat(log.forwardAll(List.of("T"), prov, holder)).isEmpty();
        assertThat(log.forwardAll(List.of("T"), prov, impostor))
                .as("the holder's new forward awaits its answer")
                .containsExactly("T");
    }

    @Test
    void anUnansweredForwardIsHeldForTheWindowOnly() {
        assertThat(log.forwardAll(List.of("T"), prov, impostor)).isEmpty();
        clock.advance(SentTokens.WINDOW);
        assertThat(log.forwardAll(List.of("T"), prov, holder)).containsExactly("T");
        clock.advance(Duration.ofMillis(1));
        assertThat(log.forwardAll(List.of("T"), prov, holder)).isEmpty();
    }

    @Test
    void ourOwnSendingIsHeldForTheWholeWindowWhateverIsAnswered() {
        assertThat(log.record("OWN", prov, null)).isTrue();
        log.answered(List.of("OWN"), prov, null);
        assertThat(log.forwardAll(List.of("OWN"), prov, impostor)).containsExactly("OWN");
        assertThat(log.record("T", prov, holder)).isTrue();
        assertThat(log.forwardAll(List.of("T"), prov, holder)).isEmpty();
        log.answered(List.of("T"), prov, holder);
        assertThat(log.forwardAll(List.of("T"), prov, impostor))
                .as("held for the whole window by the recorded sending")
                .containsExactly("T");
    }

    @Test
    void oneRequestReportsExactlyTheRefusedTokens() {
        log.record("T2", prov, impostor);
        assertThat(log.recordAll(List.of("T1", "T2", "T3"), prov, t -> holder)).containsExactly("T2");
        assertThat(log.lookup("T1", prov)).contains(Optional.of(holder));
        assertThat(log.lookup("T2", prov)).contains(Optional.of(impostor));
        assertThat(log.recordAll(List.of(), prov, t -> impostor)).isEmpty();
    }

    @Test
    void aFullLogRefusesNewSendingsButRenewsHeldOnes() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SentTokens.MAX_ENTRIES; i++) {
            tokens.add("T" + i);
        }
        assertThat(log.recordAll(tokens, prov, t -> holder)).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(log.record("NEW", prov, holder)).as("beyond the bound").isFalse();
        assertThat(log.lookup("NEW", prov)).isEmpty();
        assertThat(log.record("T0", prov, holder))
                .as("renewing a remembered sending")
                .isTrue();
        assertThat(log.record("T1", prov, impostor)).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(log.lookup("T0", prov)).as("renewed 31 s ago").contains(Optional.of(holder));
        assertThat(log.lookup("T1", prov)).as("sent 61 s ago").isEmpty();
        assertThat(log.record("NEW", prov, impostor))
                .as("the expired sendings were purged")
                .isTrue();
    }
}
