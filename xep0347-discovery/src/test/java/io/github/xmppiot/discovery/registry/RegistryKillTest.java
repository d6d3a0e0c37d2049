package io.github.xmppiot.discovery.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.meta.MetaTag;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A registry process killed with SIGKILL loses no registration it acknowledged (commit before ACK): on an H2 file
 * here, on PostgreSQL in {@link RegistryKillPostgresIT}.
 */
class RegistryKillTest {

    @TempDir
    Path dir;

    @Test
    void acknowledgedRegistrationsSurviveKillMinus9() throws Exception {
        Path db = dir.resolve("killed");
        killAndCheck(db.toString(), Map.of(), () -> JdbcRegistryStorage.h2(db));
    }

    /**
     * Starts {@link RegistryKillChild} on a database, kills it with SIGKILL after 300 acknowledgements, and checks
     * every acknowledged registration in the reopened database.
     */
    static void killAndCheck(String database, Map<String, String> env, Supplier<JdbcRegistryStorage> reopen)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), RegistryKillChild.class.getName(), database)
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process child = pb.start();
        List<Integer> acked = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while (acked.size() < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(Integer.parseInt(line.substring(4)));
                } else {
                    other.add(line);
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, H2 is not closed
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acked).as("child output: %s", other).hasSize(300);
        assertThat(child.exitValue()).as("killed by a signal").isEqualTo(137);
        try (JdbcRegistryStorage storage = reopen.get()) {
            for (int i : acked) {
                ThingKey key = new ThingKey(JidCreate.bareFrom("t" + i + "@example.org"), null);
                Optional<ThingRecord> r = storage.inTransaction(tx -> tx.find(key));
                assertThat(r).as("acknowledged registration %d", i).isPresent();
                assertThat(r.get().tags()).contains(MetaTag.str("SN", "sn-" + i));
            }
        }
    }
}
