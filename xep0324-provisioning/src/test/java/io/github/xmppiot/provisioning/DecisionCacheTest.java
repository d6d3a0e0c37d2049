package io.github.xmppiot.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/** XEP-0324 §5.2: LRU, maximum age, persistence across restarts, clearing. */
class DecisionCacheTest {

    private static AccessRequest read(String who, String node) throws Exception {
        return AccessRequest.read(
                JidCreate.from(who + "@example.org/r"),
                Tokens.fromAttributes("S1", null, "U1"),
                List.of(NodeRef.of(node)),
                Set.of("Temperature"),
                Set.of(FieldCategory.MOMENTARY));
    }

    @Test
    void leastRecentlyUsedEntryIsEvicted() throws Exception {
        DecisionCache cache = DecisionCache.inMemory(2, null);
        cache.put(read("a", "n"), AccessDecision.allowAll());
        cache.put(read("b", "n"), AccessDecision.deny());
        assertThat(cache.get(read("a", "n"))).contains(AccessDecision.allowAll());
        cache.put(read("c", "n"), AccessDecision.allowAll());
        assertThat(cache.get(read("b", "n"))).isEmpty();
        assertThat(cache.get(read("a", "n"))).isPresent();
        assertThat(cache.get(read("c", "n"))).isPresent();
    }

    @Test
    void theResourceDoesNotMatterButEverythingElseDoes() throws Exception {
        DecisionCache cache = DecisionCache.inMemory(10, null);
        cache.put(read("a", "n"), AccessDecision.deny());
        AccessRequest otherResource = AccessRequest.read(
                JidCreate.from("a@example.org/other"),
                Tokens.fromAttributes("S1", null, "U1"),
                List.of(NodeRef.of("n")),
                Set.of("Temperature"),
                Set.of(FieldCategory.MOMENTARY));
        assertThat(cache.get(otherResource)).contains(AccessDecision.deny());
        assertThat(cache.get(read("a", "m"))).isEmpty();
        AccessRequest control = AccessRequest.control(
                JidCreate.from("a@example.org/r"),
                Tokens.fromAttributes("S1", null, "U1"),
                List.of(NodeRef.of("n")),
                Set.of("Temperature"));
        assertThat(cache.get(control)).isEmpty();
    }

    @Test
    void entriesOlderThanTheMaximumAgeAreIgnored(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock();
        try (DecisionCache cache = DecisionCache.open(DecisionCacheSettings.builder()
                .file(dir.resolve("c"))
                .maxEntries(10)
                .maxAge(Duration.ofMinutes(5))
                .clock(clock)
                .build())) {
            cache.put(read("a", "n"), AccessDecision.allowAll());
            clock.advance(Duration.ofMinutes(4));
            assertThat(cache.get(read("a", "n"))).isPresent();
            clock.advance(Duration.ofMinutes(2));
            assertThat(cache.get(read("a", "n"))).isEmpty();
        }
    }

    @Test
    void decisionsSurviveARestartAndClearingIsPersistedToo(@TempDir Path dir) throws Exception {
        AccessDecision narrowed = AccessDecision.allowOnly(
                List.of(NodeRef.of("n", "src"), NodeRef.of("a,b:c", null, "ct")), Set.of("Temperature", "x;y"));
        try (DecisionCache cache = DecisionCache.persistent(dir.resolve("c"), 10, null)) {
            cache.put(read("a", "n"), narrowed);
            cache.put(read("b", "n"), AccessDecision.deny());
        }
        try (DecisionCache cache = DecisionCache.persistent(dir.resolve("c"), 10, null)) {
            assertThat(cache.persistent()).isTrue();
            assertThat(cache.size()).isEqualTo(2);
            assertThat(cache.get(read("a", "n"))).contains(narrowed);
            assertThat(cache.get(read("b", "n"))).contains(AccessDecision.deny());
            cache.clear();
        }
        try (DecisionCache cache = DecisionCache.persistent(dir.resolve("c"), 10, null)) {
            assertThat(cache.size()).isZero();
        }
    }

    @Test
    void reopeningWithASmallerLimitKeepsTheNewestEntries(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock();
        try (DecisionCache cache = DecisionCache.open(DecisionCacheSettings.builder()
                .file(dir.resolve("c"))
                .maxEntries(10)
                .clock(clock)
                .build())) {
            for (String who : List.of("a", "b", "c")) {
                cache.put(read(who, "n"), AccessDecision.allowAll());
                clock.advance(Duration.ofSeconds(1));
            }
        }
        try (DecisionCache cache = DecisionCache.open(DecisionCacheSettings.builder()
                .file(dir.resolve("c"))
                .maxEntries(2)
                .clock(clock)
                .build())) {
            assertThat(cache.get(read("a", "n"))).isEmpty();
            assertThat(cache.get(read("c", "n"))).isPresent();
        }
    }
}
