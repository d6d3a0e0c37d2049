package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The operator's options of a provisioning server: documented defaults, every bound validated, copies kept. */
class ServerOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ServerOptions d = ServerOptions.defaults();
        assertThat(d.owners()).isEmpty();
        assertThat(d.trustedRegistries()).isEmpty();
        assertThat(d.tokenProofLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.tokenProofCacheSize()).isEqualTo(10_000);
        assertThat(d.pendingChallengesPerJid()).isEqualTo(4);
        assertThat(d.pendingChallengesTotal()).isEqualTo(1_000);
        assertThat(d.askedPerThing()).isEqualTo(1_000);
        assertThat(d.maxClaimKeyLength()).isEqualTo(4_096);
        assertThat(d.clearCachePoll()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theBuilderSetsEveryComponentAndToBuilderKeepsThem() {
        ServerOptions o = ServerOptions.builder()
                .owner("t@example.org", "o@example.org")
                .trustedRegistry("registry.example.org")
                .tokenProofLifetime(Duration.ofSeconds(30))
                .tokenProofCacheSize(11)
                .pendingChallenges(2, 9)
                .askedPerThing(5)
                .maxClaimKeyLength(64)
                .clearCachePoll(Duration.ofMillis(1))
                .build();
        assertThat(o)
                .isEqualTo(new ServerOptions(
                        Map.of("t@example.org", "o@example.org"),
                        Set.of("registry.example.org"),
                        Duration.ofSeconds(30),
                        11,
                        2,
                        9,
                        5,
                        64,
                        Duration.ofMillis(1)));
        assertThat(o.toBuilder().build()).isEqualTo(o);
        ServerOptions more =
                o.toBuilder().owner("u@example.org", "p@example.org").build();
        assertThat(more.owners()).hasSize(2).containsEntry("t@example.org", "o@example.org");
        assertThat(o.owners()).hasSize(1);
    }

    @Test
    void theCollectionsAreCopied() {
        Map<String, String> owners = new HashMap<>(Map.of("t@example.org", "o@example.org"));
        Set<String> registries = new HashSet<>(Set.of("r.example.org"));
        ServerOptions o =
                new ServerOptions(owners, registries, Duration.ofMinutes(1), 1, 1, 1, 1, 1, Duration.ofSeconds(1));
        owners.clear();
        registries.clear();
        assertThat(o.owners()).containsEntry("t@example.org", "o@example.org");
        assertThat(o.trustedRegistries()).containsExactly("r.example.org");
        assertThatThrownBy(() -> o.owners().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theProofLifetimeMustBePositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() ->
                            ServerOptions.builder().tokenProofLifetime(bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tokenProofLifetime must be positive")
                    .hasMessageContaining("Duration.ofMinutes(10)");
        }
        assertThatThrownBy(
                        () -> ServerOptions.builder().tokenProofLifetime(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tokenProofLifetime");
        assertThat(ServerOptions.builder()
                        .tokenProofLifetime(Duration.ofNanos(1))
                        .build()
                        .tokenProofLifetime())
                .isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void thePollMustBeAtLeastOneMillisecond() {
        assertThatThrownBy(() -> ServerOptions.builder()
                        .clearCachePoll(Duration.ofNanos(999_999))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> ServerOptions.builder().clearCachePoll(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clearCachePoll");
    }

    @Test
    void ownersAndRegistriesMustBeNamed() {
        assertThatThrownBy(() -> ServerOptions.builder().owner(null, "o@example.org"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("thing");
        assertThatThrownBy(() -> ServerOptions.builder().owner("t@example.org", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("owner");
        assertThatThrownBy(() -> ServerOptions.builder().trustedRegistry(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("registry");
    }

    @Property(tries = 60)
    void everyCountBoundBelowOneIsRefusedAndOneIsAccepted(
            @ForAll @IntRange(min = 0, max = 4) int which, @ForAll @IntRange(min = -5, max = 1) int value) {
        UnaryOperator<ServerOptions.Builder> set = switch (which) {
            case 0 -> b -> b.tokenProofCacheSize(value);
            case 1 -> b -> b.pendingChallenges(value, 10);
            case 2 -> b -> b.pendingChallenges(1, value);
            case 3 -> b -> b.askedPerThing(value);
            default -> b -> b.maxClaimKeyLength(value);
        };
        if (value < 1) {
            assertThatThrownBy(() -> set.apply(ServerOptions.builder()).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be at least 1, one was " + value);
        } else {
            assertThat(set.apply(ServerOptions.builder()).build()).isNotNull();
        }
    }
}
