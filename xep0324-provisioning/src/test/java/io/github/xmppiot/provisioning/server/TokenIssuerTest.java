package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.provisioning.DeviceIdentity;
import io.github.xmppiot.provisioning.TestIdentities;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import io.github.xmppiot.testkit.ManualClock;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token issuance (XEP-0324 §3.1.3.1): encrypted challenges, kept two minutes, bounded per requester and in total. */
class TokenIssuerTest {

    private static DeviceIdentity identity;
    private static byte[] der;

    private final ManualClock clock = new ManualClock();
    private ServerOptions options =
            ServerOptions.builder().pendingChallenges(2, 3).build();
    private final TokenIssuer issuer = new TokenIssuer(clock, () -> options);

    @BeforeAll
    static void identity(@TempDir Path dir) throws Exception {
        identity = TestIdentities.create(dir, "thing");
        der = identity.certificate().getEncoded();
    }

    @Test
    void aChallengeIsReadableWithThePrivateKeyAndTakenOnceByItsRequester() throws Exception {
        Map.Entry<Integer, byte[]> c = issuer.challenge("alice@example.org", der);
        byte[] plain = TokenCrypto.decrypt(identity.privateKey(), c.getValue());
        assertThat(plain).hasSize(TokenCrypto.CHALLENGE_SIZE);

        assertThat(issuer.take(c.getKey(), "mallory@example.org")).isEmpty();
        TokenIssuer.Pending p = issuer.take(c.getKey(), "alice@example.org").orElseThrow();
        assertThat(p.requester()).isEqualTo("alice@example.org");
        assertThat(p.certificate()).isEqualTo(der);
        assertThat(TokenIssuer.matches(p, plain)).isTrue();
        assertThat(TokenIssuer.matches(p, new byte[TokenCrypto.CHALLENGE_SIZE])).isFalse();
        assertThat(issuer.take(c.getKey(), "alice@example.org"))
                .as("taken once")
                .isEmpty();
        assertThat(issuer.take(c.getKey() + 1, "alice@example.org")).isEmpty();
    }

    @Test
    void sequenceNumbersAreDistinct() throws Exception {
        int a = issuer.challenge("alice@example.org", der).getKey();
        int b = issuer.challenge("bob@example.org", der).getKey();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aChallengeIsKeptForTwoMinutesExactly() throws Exception {
        int n = issuer.challenge("alice@example.org", der).getKey();
        int m = issuer.challenge("alice@example.org", der).getKey();
        clock.advance(Duration.ofMinutes(TokenIssuer.KEEP_MINUTES));
        assertThat(issuer.take(n, "alice@example.org")).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(issuer.take(m, "alice@example.org")).isEmpty();
    }

    @Test
    void openChallengesAreBoundedPerRequester() throws Exception {
        issuer.challenge("alice@example.org", der);
        issuer.challenge("alice@example.org", der);
        assertThatThrownBy(() -> issuer.challenge("alice@example.org", der))
                .isInstanceOf(TokenIssuer.TooManyChallenges.class)
                .hasMessageContaining("at most 2 open token challenges per account");
        assertThat(issuer.challenge("bob@example.org", der).getKey()).isPositive();
    }

    @Test
    void openChallengesAreBoundedInTotalAndFreedWhenTakenOrExpired() throws Exception {
        int first = issuer.challenge("a@example.org", der).getKey();
        issuer.challenge("b@example.org", der);
        issuer.challenge("c@example.org", der);
        assertThatThrownBy(() -> issuer.challenge("d@example.org", der))
                .isInstanceOf(TokenIssuer.TooManyChallenges.class)
                .hasMessageContaining("too many open token challenges")
                .hasMessageContaining("2 minutes");
        assertThat(issuer.take(first, "a@example.org")).isPresent();
        issuer.challenge("d@example.org", der);
        assertThatThrownBy(() -> issuer.challenge("e@example.org", der))
                .isInstanceOf(TokenIssuer.TooManyChallenges.class);
        clock.advance(Duration.ofMinutes(TokenIssuer.KEEP_MINUTES).plusMillis(1));
        issuer.challenge("e@example.org", der);
        issuer.challenge("e@example.org", der);
        issuer.challenge("f@example.org", der);
    }

    @Test
    void anInvalidCertificateIsRefusedAndKeepsNothingOpen() throws Exception {
        options = ServerOptions.builder().pendingChallenges(1, 1).build();
        assertThatThrownBy(() -> issuer.challenge("alice@example.org", new byte[] {1, 2, 3}))
                .isInstanceOf(GeneralSecurityException.class);
        assertThat(issuer.challenge("alice@example.org", der).getKey()).isPositive();
    }

    @Test
    void tokensAreUrlSafeWithoutWhiteSpaceAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String t = issuer.newToken();
            assertThat(t).hasSize(24).matches("[A-Za-z0-9_-]+");
            seen.add(t);
        }
        assertThat(seen).hasSize(50);
        assertThat(issuer.randomBytes(7)).hasSize(7);
    }
}
