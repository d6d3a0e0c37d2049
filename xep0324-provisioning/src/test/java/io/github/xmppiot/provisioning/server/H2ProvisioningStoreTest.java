package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.MutableClock;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning server's H2 store: first claim wins, rules round-trip, acknowledged changes survive a crash. */
class H2ProvisioningStoreTest {

    /** Simulates kill -9: H2 closes its files without any clean-up (SHUTDOWN IMMEDIATELY). */
    static void crash(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        }
    }

    @Test
    void acknowledgedChangesSurviveACrash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prov");
        H2ProvisioningStore store = new H2ProvisioningStore(file);
        store.claim("thing@example.org", "owner@example.org");
        Rule rule = new Rule("thing@example.org", AccessRequest.Kind.READ, "client@example.org",
                List.of(NodeRef.of("n1", "src"), NodeRef.of("a,b:c%")), List.of("Temperature", "x,y"));
        store.putRule(rule);
        store.setFriendship("thing@example.org", "client@example.org", true);
        store.setClearPending("thing@example.org", true);
        store.putToken("TOK", "thing@example.org", new byte[] {1, 2, 3});
        store.putUserToken("U1", "service@example.org");
        store.setUserName("service@example.org", "U1", "Kermit");
        store.setPrivileges("service@example.org", "Kermit", List.of(new PrivilegeRule(false, "A.B"),
                new PrivilegeRule(true, "A")));
        crash(file);

        try (H2ProvisioningStore reopened = new H2ProvisioningStore(file)) {
            assertThat(reopened.owner("thing@example.org")).contains("owner@example.org");
            assertThat(reopened.rules("thing@example.org", AccessRequest.Kind.READ, Set.of("client@example.org")))
                    .containsExactly(rule);
            assertThat(reopened.rules("thing@example.org", AccessRequest.Kind.CONTROL, Set.of("client@example.org")))
                    .isEmpty();
            assertThat(reopened.friendship("thing@example.org", "client@example.org")).contains(true);
            assertThat(reopened.clearPending()).containsExactly("thing@example.org");
            assertThat(reopened.tokenCertificate("TOK")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(reopened.tokenHolder("TOK")).contains("thing@example.org");
            assertThat(reopened.userName("service@example.org", "U1")).contains("Kermit");
            assertThat(reopened.privileges("service@example.org", "Kermit")).containsExactly(
                    new PrivilegeRule(false, "A.B"), new PrivilegeRule(true, "A"));
        }
    }

    @Test
    void firstClaimWinsAndUserNamesAreBoundToTheirService() throws Exception {
        try (H2ProvisioningStore store = new H2ProvisioningStore("jdbc:h2:mem:claims")) {
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
    void secondaryTrustIsOffByDefaultAndKeptPerClaimedThing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("st");
        try (H2ProvisioningStore store = new H2ProvisioningStore(file)) {
            store.claim("t@x", "alice@x");
            assertThat(store.secondaryTrust("t@x")).isFalse();
            store.setSecondaryTrust("t@x", true);
            store.setSecondaryTrust("unclaimed@x", true);
            assertThat(store.secondaryTrust("t@x")).isTrue();
            assertThat(store.secondaryTrust("unclaimed@x")).isFalse();
        }
        try (H2ProvisioningStore reopened = new H2ProvisioningStore(file)) {
            assertThat(reopened.secondaryTrust("t@x")).isTrue();
            reopened.setSecondaryTrust("t@x", false);
            assertThat(reopened.secondaryTrust("t@x")).isFalse();
        }
    }

    @Test
    void isFriendQuestionsAreRememberedPerThingAndJid() throws Exception {
        try (H2ProvisioningStore store = new H2ProvisioningStore("jdbc:h2:mem:asked")) {
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
        try (H2ProvisioningStore store = new H2ProvisioningStore("jdbc:h2:mem:access")) {
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
        try (H2ProvisioningStore store = new H2ProvisioningStore("jdbc:h2:mem:owners")) {
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
            assertThat(store.secondaryTrust("t@x")).as("a new claim starts without secondary trust").isFalse();
        }
    }

    @Test
    void expiredAndRevokedTokensAreTreatedAsNeverIssued() throws Exception {
        MutableClock clock = new MutableClock();
        try (H2ProvisioningStore store = new H2ProvisioningStore("jdbc:h2:mem:expiry", Duration.ofHours(1), clock)) {
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
            assertThat(store.tokenHolder("LATER")).as("lifetime counts from issuance").contains("thing@x");

            store.putRule(new Rule("t@x", AccessRequest.Kind.READ, Rule.TOKEN_PREFIX + "LATER", List.of(), List.of()));
            assertThat(store.isReferenced(Rule.TOKEN_PREFIX + "LATER")).isTrue();
            assertThat(store.isReferenced(Rule.TOKEN_PREFIX + "DEV")).isFalse();
            store.revokeToken("LATER");
            assertThat(store.tokenHolder("LATER")).isEmpty();
        }
        assertThatThrownBy(() -> new H2ProvisioningStore("jdbc:h2:mem:zero", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
