package io.github.xmppiot.provisioning.durability;

import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.provisioning.internal.H2DecisionStore;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.Rule;
import java.nio.file.Path;
import java.util.List;

/** The child of {@link StoresSurviveKillTest}: one store's acknowledged change, then killed by the parent. */
public final class KilledStores {

    /** The environment variable with the PostgreSQL user. */
    public static final String USER_ENV = "KILLED_STORES_DB_USER";
    /** The environment variable with the PostgreSQL password. */
    public static final String PASSWORD_ENV = "KILLED_STORES_DB_PASSWORD";

    private KilledStores() {}

    /**
     * Runs one scenario.
     *
     * @param args {@code decisions FILE}, {@code provisioning FILE} or {@code provisioning-postgresql URL} (user and
     *             password in the environment variables {@value #USER_ENV} and {@value #PASSWORD_ENV})
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "decisions" -> {
                try (H2DecisionStore before = new H2DecisionStore(Path.of(args[1]))) {
                    for (int i = 0; i < 50; i++) {
                        before.put(new H2DecisionStore.Row("grant-" + i, "allow", i));
                    }
                } // closed cleanly: the 50 grants are certainly on disk
                H2DecisionStore store = new H2DecisionStore(Path.of(args[1]));
                store.clear(); // revokes every grant; acknowledged when clear() returns
                store.put(new H2DecisionStore.Row("after-clear", "deny", 100));
            }
            case "provisioning", "provisioning-postgresql" -> {
                JdbcProvisioningStore store = args[0].equals("provisioning")
                        ? JdbcProvisioningStore.h2(Path.of(args[1]))
                        : JdbcProvisioningStore.postgresql(
                                args[1], System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
                store.claim("thing@example.org", "owner@example.org");
                store.putRule(new Rule(
                        "thing@example.org",
                        AccessRequest.Kind.READ,
                        "client@example.org",
                        List.of(),
                        List.of("Temperature")));
                store.putToken("TOKEN", "client@example.org", new byte[] {1, 2, 3});
                store.setClaimKey("other@example.org", "KEY-OF-OTHER");
                store.removeRule("thing@example.org", AccessRequest.Kind.READ, "client@example.org");
                store.setClearPending("thing@example.org", true);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        ChildJvm.ackAndWaitForKill();
    }
}
