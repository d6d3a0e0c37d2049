package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import io.github.xmppiot.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The provisioning server's store, the same tests on every database ({@link H2ProvisioningStoreTest},
 * {@link PostgresProvisioningStoreTest}): first claim wins, rules round-trip, acknowledged changes survive a crash.
 */
abstract class ProvisioningStoreContract {

    /** @return the name of a new, empty database (an H2 file or a PostgreSQL database) */
    abstract String newDatabase() throws Exception;

    /** Opens a store on a database made by {@link #newDatabase()}; opening it again finds the same rows. */
    abstract JdbcProvisioningStore open(String database, Duration tokenLifetime, Clock clock) throws Exception;

    /** Ends every connection to the database without any clean-up, as a killed server process would. */
    abstract void crash(String database) throws Exception;

    JdbcProvisioningStore open(String database) throws Exception {
        return open(database, Duration.ofDays(JdbcProvisioningStore.DEFAULT_TOKEN_LIFETIME_DAYS), Clock.systemUTC());
    }

    JdbcProvisioningStore open() throws Exception {
        return open(newDatabase());
    }

    @Test
    void acknowledgedChangesSurviveACrash() throws Exception {
        String file = newDatabase();
        JdbcProvisioningStore store = open(file);
        store.claim("thing@example.org", "owner@example.org");
        Rule rule = new Rule(
                "thing@example.org",
                AccessRequest.Kind.READ,
                "client@example.org",
                List.of(NodeRef.of("n1", "src"), NodeRef.of("a,b:c%")),
                List.of("Temperature", "x,y"));
        store.putRule(rule);
        store.setFriendship("thing@example.org", "client@example.org", true);
        store.setClearPending("thing@example.org", true);
        store.putToken("TOK", "thing@example.org", new byte[] {1, 2, 3});
        store.putUserToken("U1", "service@example.org");
        store.setUserName("service@example.org", "U1", "Kermit");
        store.setPrivileges(
                "service@example.org",
                "Kermit",
                List.of(new PrivilegeRule(false, "A.B"), new PrivilegeRule(true, "A")));
        crash(file);

        try (JdbcProvisioningStore reopened = open(file)) {
            assertThat(reopened.owner("thing@example.org")).contains("owner@example.org");
            assertThat(reopened.rules("thing@example.org", AccessRequest.Kind.READ, Set.of("client@example.org")))
                    .containsExactly(rule);
            assertThat(reopened.rules("thing@example.org", AccessRequest.Kind.CONTROL, Set.of("client@example.org")))
                    .isEmpty();
            assertThat(reopened.friendship("thing@example.org", "client@example.org"))
                    .contains(true);
            assertThat(reopened.clearPending()).containsExactly("thing@example.org");
            assertThat(reopened.tokenCertificate("TOK"))
                    .hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(reopened.tokenHolder("TOK")).contains("thing@example.org");
            assertThat(reopened.userName("service@example.org", "U1")).contains("Kermit");
            assertThat(reopened.privileges("service@example.org", "Kermit"))
                    .containsExactly(new PrivilegeRule(false, "A.B"), new PrivilegeRule(true, "A"));
        }
    }

    @Test
    void firstClaimWinsAndUserNamesAreBoundToTheirService() throws Exception {
        try (JdbcProvisioningStore store = open()) {
            assertThat(store.claim("t@x", "alice@x")).isEqualTo("alice@x");
            assertThat(store.claim("t@x", "mallory@x")).isEqualTo("alice@x");
            store.putUserToken("U", "svc@x");
            store.setUserName("other@x", "U", "Mallory");
            assertThat(store.userName("svc@x", "U")).isEmpty();
            store.removeRule("t@x", AccessRequest.Kind.READ, "nobody@x");
            store.setClearPending("t@x", true);
            store.setClearPending("t@x", false);
            assertThat(store.clearPending()).isEmpty();
        }
    }

    @Test
    void secondaryTrustIsOffByDefaultAndKeptPerClaimedThing() throws Exception {
        String file = newDatabase();
        try (JdbcProvisioningStore store = open(file)) {
            store.claim("t@x", "alice@x");
            assertThat(store.secondaryTrust("t@x")).isFalse();
            store.setSecondaryTrust("t@x", true);
            store.setSecondaryTrust("unclaimed@x", true);
            assertThat(store.secondaryTrust("t@x")).isTrue();
            assertThat(store.secondaryTrust("unclaimed@x")).isFalse();
        }
        try (JdbcProvisioningStore reopened = open(file)) {
            assertThat(reopened.secondaryTrust("t@x")).isTrue();
            reopened.setSecondaryTrust("t@x", false);
            assertThat(reopened.secondaryTrust("t@x")).isFalse();
        }
    }

    @Test
    void isFriendQuestionsAreRememberedPerThingAndJid() throws Exception {
        try (JdbcProvisioningStore store = open()) {
            assertThat(store.hasAsked("t@x", "friend@x")).isFalse();
            store.recordAsked("t@x", "friend@x");
            store.recordAsked("t@x", "friend@x");
            assertThat(store.hasAsked("t@x", "friend@x")).isTrue();
            assertThat(store.hasAsked("t@x", "other@x")).isFalse();
            assertThat(store.hasAsked("u@x", "friend@x")).isFalse();
        }
    }

    @Test
    void accessRulesRoundTripAndAreRemovedByTheirConditions() throws Exception {
        try (JdbcProvisioningStore store = open()) {
            AccessRule kermit = AccessRule.parse("svc@x", List.of("userName=Kermit", "jid=*@x"));
            AccessRule alice = AccessRule.parse("svc@x", List.of("jid=alice@x"));
            store.putAccessRule(kermit);
            store.putAccessRule(kermit);
            store.putAccessRule(alice);
            assertThat(store.accessRules("svc@x")).containsExactlyInAnyOrder(kermit, alice);
            assertThat(store.accessRules("other@x")).isEmpty();
            store.removeAccessRule(AccessRule.parse("svc@x", List.of("jid=*@x", "userName=Kermit")));
            assertThat(store.accessRules("svc@x")).containsExactly(alice);
        }
    }

    @Test
    void transferKeepsTheRulesAndDisownRemovesEverythingAboutTheThing() throws Exception {
        try (JdbcProvisioningStore store = open()) {
            store.claim("t@x", "alice@x");
            store.setSecondaryTrust("t@x", true);
            store.setFriendship("t@x", "zed@x", false);
            store.setFriendship("t@x", "bob@x", true);
            Rule read = new Rule("t@x", AccessRequest.Kind.READ, "bob@x", List.of(), List.of("Temperature"));
            store.putRule(read);
            store.putRule(new Rule("other@x", AccessRequest.Kind.READ, "bob@x", List.of(), List.of()));
            store.putAccessRule(AccessRule.parse("t@x", List.of("jid=bob@x")));
            store.setPrivileges("t@x", "bob", List.of(new PrivilegeRule(true, "A")));

            store.setOwner("t@x", "carol@x");
            assertThat(store.owner("t@x")).contains("carol@x");
            assertThat(store.friendships("t@x")).containsExactly(Map.entry("bob@x", true), Map.entry("zed@x", false));
            assertThat(store.rules("t@x", AccessRequest.Kind.READ)).containsExactly(read);
            assertThat(store.rules("t@x", AccessRequest.Kind.CONTROL)).isEmpty();

            store.disown("t@x");
            assertThat(store.owner("t@x")).isEmpty();
            assertThat(store.secondaryTrust("t@x")).isFalse();
            assertThat(store.friendships("t@x")).isEmpty();
            assertThat(store.rules("t@x", AccessRequest.Kind.READ)).isEmpty();
            assertThat(store.accessRules("t@x")).isEmpty();
            assertThat(store.privileges("t@x", "bob")).isEmpty();
            assertThat(store.rules("other@x", AccessRequest.Kind.READ)).hasSize(1);
            assertThat(store.claim("t@x", "mallory@x")).isEqualTo("mallory@x");
            assertThat(store.secondaryTrust("t@x"))
                    .as("a new claim starts without secondary trust")
                    .isFalse();
        }
    }

    @Test
    void expiredAndRevokedTokensAreTreatedAsNeverIssued() throws Exception {
        ManualClock clock = new ManualClock();
        try (JdbcProvisioningStore store = open(newDatabase(), Duration.ofHours(1), clock)) {
            store.putToken("DEV", "thing@x", new byte[] {7});
            store.putUserToken("USR", "svc@x");
            store.setUserName("svc@x", "USR", "Kermit");
            clock.advance(Duration.ofMinutes(59));
            assertThat(store.tokenHolder("DEV")).contains("thing@x");
            assertThat(store.tokenCertificate("DEV")).isPresent();
            assertThat(store.userName("svc@x", "USR")).contains("Kermit");
            store.putToken("LATER", "thing@x", new byte[] {8});
            clock.advance(Duration.ofMinutes(1));
            assertThat(store.tokenHolder("DEV")).isEmpty();
            assertThat(store.tokenCertificate("DEV")).isEmpty();
            assertThat(store.userName("svc@x", "USR")).isEmpty();
            assertThat(store.tokenHolder("LATER"))
                    .as("lifetime counts from issuance")
                    .contains("thing@x");

            store.putRule(new Rule("t@x", AccessRequest.Kind.READ, Rule.TOKEN_PREFIX + "LATER", List.of(), List.of()));
            assertThat(store.isReferenced(Rule.TOKEN_PREFIX + "LATER")).isTrue();
            assertThat(store.isReferenced(Rule.TOKEN_PREFIX + "DEV")).isFalse();
            store.revokeToken("LATER");
            assertThat(store.tokenHolder("LATER")).isEmpty();
        }
        assertThatThrownBy(() -> open(newDatabase(), Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAcknowledgedClearCacheKeepsTheMarkOfALaterChange() throws Exception {
        try (JdbcProvisioningStore store = open()) {
            assertThat(store.clearPendingGeneration("t@x")).isEmpty();
            store.setClearPending("t@x", true);
            long sent = store.clearPendingGeneration("t@x").orElseThrow();
            store.setClearPending("t@x", true); // the rules change again while the clearCache is in flight
            assertThat(store.clearPendingDone("t@x", sent))
                    .as("the later change needs another clearCache")
                    .isFalse();
            assertThat(store.clearPending()).containsExactly("t@x");
            long later = store.clearPendingGeneration("t@x").orElseThrow();
            assertThat(later).isGreaterThan(sent);
            assertThat(store.clearPendingDone("t@x", later)).isTrue();
            assertThat(store.clearPending()).isEmpty();
            assertThat(store.clearPendingDone("t@x", later))
                    .as("acknowledged twice: nothing owed")
                    .isTrue();
        }
    }

    @Test
    void concurrentClaimsOfOneThingHaveExactlyOneWinner() throws Exception {
        try (JdbcProvisioningStore store = open()) {
            assertThat(claimConcurrently(List.of(store), "contested@x", 16))
                    .as("every claimant sees one owner")
                    .hasSize(1);
        }
    }

    /**
     * Claims one Thing from many threads at once, spread over the stores.
     *
     * @return the distinct owners the claims returned
     */
    static Set<String> claimConcurrently(List<JdbcProvisioningStore> stores, String thing, int claimants)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> claims = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                JdbcProvisioningStore store = stores.get(i % stores.size());
                String owner = "owner" + i + "@x";
                claims.add(pool.submit(() -> {
                    start.await();
                    return store.claim(thing, owner);
                }));
            }
            start.countDown();
            Set<String> owners = new HashSet<>();
            for (Future<String> claim : claims) {
                owners.add(claim.get(30, TimeUnit.SECONDS));
            }
            assertThat(stores.get(0).owner(thing)).contains(owners.iterator().next());
            return owners;
        } finally {
            pool.shutdownNow();
        }
    }
}
