package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Proof of token possession (XEP-0324 §3.1.3.2) against an in-memory H2 store: only tokens issued here are
 * challenged, answers are remembered for their lifetimes, per requester, within the configured bound.
 */
class TokenProofsTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Jid THING = JidCreate.fromOrThrowUnchecked("thing@example.org/t");

    private final ManualClock clock = new ManualClock();
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
    private final List<String> challenged = new ArrayList<>();
    private JdbcProvisioningStore store;
    private ServerOptions options = ServerOptions.defaults();
    private TokenProofs proofs;

    @BeforeEach
    void open() throws Exception {
        store = JdbcProvisioningStore.h2InMemory("proofs" + NEXT.incrementAndGet());
        for (String t : List.of("T1", "T2", "T3", "BAD", "BOOM")) {
            store.putToken(t, "holder@example.org", new byte[] {1, 2, 3});
        }
        answers.put("T1", true);
        answers.put("T2", true);
        answers.put("T3", true);
        answers.put("BAD", false);
        proofs = new TokenProofs(store, this::challenge, () -> Runnable::run, clock, () -> options);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private synchronized CompletableFuture<Boolean> challenge(Jid sender, String token) {
        assertThat((Object) sender).isEqualTo(THING);
        challenged.add(token);
        Boolean ok = answers.get(token);
        return ok == null
                ? CompletableFuture.failedFuture(new IllegalStateException("no answer for " + token))
                : CompletableFuture.completedFuture(ok);
    }

    private Tokens proven(String requester, Tokens tokens) {
        return proofs.proven(THING, requester, tokens).join();
    }

    private static Tokens service(String... tokens) {
        return new Tokens(List.of(tokens), List.of(), List.of());
    }

    @Test
    void noTokensNeedNoChallenge() {
        assertThat(proven("alice@example.org", Tokens.NONE)).isEqualTo(Tokens.NONE);
        assertThat(challenged).isEmpty();
    }

    @Test
    void tokensNotIssuedHereAreNeitherChallengedNorKept() {
        assertThat(proven("alice@example.org", service("FOREIGN"))).isEqualTo(Tokens.NONE);
        assertThat(challenged).isEmpty();
    }

    @Test
    void revokedTokensAreNotChallenged() throws Exception {
        store.revokeToken("T1");
        assertThat(proven("alice@example.org", service("T1", "T2"))).isEqualTo(service("T2"));
        assertThat(challenged).containsExactly("T2");
    }

    @Test
    void provenTokensStayInTheirKindAndFailedOnesAreDropped() {
        Tokens asked = new Tokens(List.of("T1", "BAD"), List.of("T2"), List.of("T3", "FOREIGN"));
        assertThat(proven("alice@example.org", asked))
                .isEqualTo(new Tokens(List.of("T1"), List.of("T2"), List.of("T3")));
        assertThat(challenged).containsExactly("T1", "BAD", "T2", "T3");
    }

    @Test
    void aChallengeThatFailsCountsAsNotProven() {
        assertThat(proven("alice@example.org", service("BOOM", "T1"))).isEqualTo(service("T1"));
        assertThat(challenged).containsExactly("BOOM", "T1");
    }

    @Test
    void aTokenSentTwiceIsChallengedOnceAndKeptWhereItWasSent() {
        Tokens asked = new Tokens(List.of("T1", "T1"), List.of("T1"), List.of());
        assertThat(proven("alice@example.org", asked)).isEqualTo(new Tokens(List.of("T1"), List.of("T1"), List.of()));
        assertThat(challenged).containsExactly("T1");
    }

    @Test
    void aProofIsRememberedForItsLifetimeAndPerRequester() {
        options = ServerOptions.builder()
                .tokenProofLifetime(Duration.ofMinutes(10))
                .build();
        assertThat(proven("alice@example.org", service("T1"))).isEqualTo(service("T1"));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(proven("alice@example.org", service("T1"))).isEqualTo(service("T1"));
        assertThat(challenged).containsExactly("T1");

        assertThat(proven("bob@example.org", service("T1"))).isEqualTo(service("T1"));
        assertThat(challenged).containsExactly("T1", "T1");

        clock.advance(Duration.ofMillis(1));
        answers.put("T1", false);
        assertThat(proven("alice@example.org", service("T1"))).isEqualTo(Tokens.NONE);
        assertThat(challenged).containsExactly("T1", "T1", "T1");
    }

    @Test
    void aFailedProofIsRememberedForOneMinuteOnly() {
        options =
                ServerOptions.builder().tokenProofLifetime(Duration.ofHours(1)).build();
        assertThat(proven("mallory@example.org", service("BAD"))).isEqualTo(Tokens.NONE);
        answers.put("BAD", true);
        clock.advance(TokenProofs.FAILED_PROOF_LIFETIME.minusMillis(1));
        assertThat(proven("mallory@example.org", service("BAD"))).isEqualTo(Tokens.NONE);
        assertThat(challenged).containsExactly("BAD");
        clock.advance(Duration.ofMillis(1));
        assertThat(proven("mallory@example.org", service("BAD"))).isEqualTo(service("BAD"));
        assertThat(challenged).containsExactly("BAD", "BAD");
    }

    @Test
    void atMostTheBoundOfProofsIsKeptTheLeastRecentlyUsedGoingFirst() {
        options = ServerOptions.builder().tokenProofCacheSize(2).build();
        proven("alice@example.org", service("T1"));
        proven("alice@example.org", service("T2"));
        proven("alice@example.org", service("T1")); // T1 is now the most recently used
        proven("alice@example.org", service("T3")); // evicts T2
        assertThat(challenged).containsExactly("T1", "T2", "T3");
        proven("alice@example.org", service("T1"));
        assertThat(challenged).containsExactly("T1", "T2", "T3");
        proven("alice@example.org", service("T2"));
        assertThat(challenged).containsExactly("T1", "T2", "T3", "T2");
    }

    @Test
    void atMostSixteenTokensOfOneRequestAreChallenged() throws Exception {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < TokenProofs.MAX_CHALLENGED_PER_REQUEST + 4; i++) {
            String t = "M" + i;
            store.putToken(t, "holder@example.org", new byte[] {1});
            answers.put(t, true);
            many.add(t);
        }
        Tokens result = proven("alice@example.org", new Tokens(many, List.of(), List.of()));
        assertThat(challenged).hasSize(TokenProofs.MAX_CHALLENGED_PER_REQUEST);
        assertThat(result.serviceTokens()).isEqualTo(many.subList(0, TokenProofs.MAX_CHALLENGED_PER_REQUEST));
    }
}
