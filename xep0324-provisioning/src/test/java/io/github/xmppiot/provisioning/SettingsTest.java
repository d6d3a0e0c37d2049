package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.provisioning.ProvisioningAccessPolicy.StrangerQueries;
import io.github.xmppiot.provisioning.server.ProvisioningServerSettings;
import io.github.xmppiot.provisioning.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings records of XEP-0324's managers: defaults, builders, validation naming the fix, and refused work. */
class SettingsTest {

    @Test
    void clientDefaultsAreTheDocumentedOnes() {
        ProvisioningClientSettings d = ProvisioningClientSettings.DEFAULTS;
        assertThat(d.cache()).isEqualTo(DecisionCacheSettings.DEFAULTS);
        assertThat(d.fallback()).isNull();
        assertThat(d.strangerQueries()).isEqualTo(StrangerQueries.ALL);
        assertThat(d.strangerQueriesPerJid()).isEqualTo(ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_PER_JID);
        assertThat(d.strangerQueriesTotal()).isEqualTo(ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_TOTAL);
        assertThat(d.localApprover()).isNull();
        assertThat(d.executors()).isSameAs(IotExecutors.shared());
        assertThat(ProvisioningClientSettings.builder().build()).isEqualTo(d);
    }

    @Test
    void clientBuilderChangesOnlyWhatItIsToldAndToBuilderRoundTrips() {
        IotExecutors x = IotExecutors.builder().name("x").build();
        AccessPolicy everyone = AccessPolicy.allowEveryone();
        LocalFriendshipApprover approver = r -> CompletableFuture.completedFuture(true);
        ProvisioningClientSettings s = ProvisioningClientSettings.builder()
                .strangerQueries(StrangerQueries.WITH_TOKENS)
                .strangerLimits(3, 5)
                .fallback(everyone)
                .localApprover(approver)
                .executors(x)
                .cache(DecisionCacheSettings.builder().maxEntries(7).build())
                .build();
        assertThat(s.strangerQueries()).isEqualTo(StrangerQueries.WITH_TOKENS);
        assertThat(s.strangerQueriesPerJid()).isEqualTo(3);
        assertThat(s.strangerQueriesTotal()).isEqualTo(5);
        assertThat(s.fallback()).isSameAs(everyone);
        assertThat(s.localApprover()).isSameAs(approver);
        assertThat(s.executors()).isSameAs(x);
        assertThat(s.cache().maxEntries()).isEqualTo(7);
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThat(s.toBuilder().strangerQueries(StrangerQueries.NONE).build())
                .isEqualTo(
                        new ProvisioningClientSettings(s.cache(), everyone, StrangerQueries.NONE, 3, 5, approver, x));
    }

    @Test
    void clientValidationNamesTheFix() {
        assertThatThrownBy(() -> ProvisioningClientSettings.builder()
                        .strangerLimits(0, 5)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 <= perJid <= total")
                .hasMessageContaining("the defaults are 2 and 16");
        assertThatThrownBy(() -> ProvisioningClientSettings.builder()
                        .strangerLimits(4, 3)
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> ProvisioningClientSettings.builder().cache(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("DecisionCacheSettings.DEFAULTS");
        assertThatThrownBy(() ->
                        ProvisioningClientSettings.builder().executors(null).build())
                .hasMessageContaining("IotExecutors.shared()");
        assertThatThrownBy(() -> ProvisioningClientSettings.builder()
                        .strangerQueries(null)
                        .build())
                .hasMessageContaining("StrangerQueries.ALL");
    }

    @Test
    void cacheSettingsValidateAndRoundTrip(@TempDir Path dir) {
        DecisionCacheSettings s = DecisionCacheSettings.builder()
                .file(dir.resolve("c"))
                .maxAge(Duration.ofMinutes(3))
                .maxEntries(5)
                .build();
        assertThat(s.persistent()).isTrue();
        assertThat(DecisionCacheSettings.DEFAULTS.persistent()).isFalse();
        assertThat(DecisionCacheSettings.DEFAULTS.maxEntries()).isEqualTo(DecisionCacheSettings.DEFAULT_MAX_ENTRIES);
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThatThrownBy(() -> DecisionCacheSettings.builder().maxEntries(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the default is 1000");
        assertThatThrownBy(() ->
                        DecisionCacheSettings.builder().maxAge(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use null");
        assertThatThrownBy(() -> DecisionCacheSettings.builder().clock(null).build())
                .hasMessageContaining("Clock.systemUTC()");
    }

    @Test
    void aPersistentCacheHoldsALeaseOfItsExecutorsUntilClosed(@TempDir Path dir) {
        IotExecutors x = IotExecutors.builder().name("cache-x").build();
        DecisionCache cache = DecisionCache.open(DecisionCacheSettings.builder()
                .file(dir.resolve("c"))
                .executors(x)
                .build());
        assertThat(x.activeLeases()).isEqualTo(1);
        assertThat(cache.settings().executors()).isSameAs(x);
        cache.close();
        assertThat(x.activeLeases()).isZero();
        cache.close();
        assertThat(x.activeLeases()).isZero();
        DecisionCache memory =
                DecisionCache.open(DecisionCacheSettings.builder().executors(x).build());
        assertThat(x.activeLeases()).as("a cache in memory needs no threads").isZero();
        memory.close();
    }

    @Test
    void serverSettingsDefaultToTheSharedExecutorsAndRoundTrip() {
        assertThat(ProvisioningServerSettings.DEFAULTS.options()).isEqualTo(ServerOptions.defaults());
        assertThat(ProvisioningServerSettings.DEFAULTS.executors()).isSameAs(IotExecutors.shared());
        ServerOptions options = ServerOptions.builder()
                .owner("t@example.org", "o@example.org")
                .trustedRegistry("r@example.org")
                .askedPerThing(3)
                .clearCachePoll(Duration.ofSeconds(5))
                .build();
        assertThat(options.toBuilder().build()).isEqualTo(options);
        ProvisioningServerSettings s =
                ProvisioningServerSettings.builder().options(options).build();
        assertThat(s.toBuilder().build()).isEqualTo(s);
        assertThatThrownBy(
                        () -> ProvisioningServerSettings.builder().options(null).build())
                .hasMessageContaining("ServerOptions.defaults()");
        assertThatThrownBy(() -> ServerOptions.builder().askedPerThing(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be at least 1");
        assertThatThrownBy(() ->
                        ServerOptions.builder().clearCachePoll(Duration.ZERO).build())
                .hasMessageContaining("the default is 2 seconds");
    }
}
