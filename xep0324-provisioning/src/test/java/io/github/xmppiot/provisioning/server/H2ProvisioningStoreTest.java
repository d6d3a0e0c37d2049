package io.github.xmppiot.provisioning.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.element.PrivilegeRule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
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
}
