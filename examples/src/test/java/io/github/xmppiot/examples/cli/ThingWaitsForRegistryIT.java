package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code thing --registry} started before its registry waits for it however long it takes (here five reply timeouts
 * of 1 s), registers once it is online, and is claimed through the registry after it restarted with another
 * resource.
 */
@ProsodyTest
class ThingWaitsForRegistryIT {

    private static final int REPLY_TIMEOUT = 1;

    @TempDir
    Path dir;

    @Test
    void aThingStartedBeforeItsRegistryWaitsRegistersAndIsClaimedAfterTheRegistryRestarts(ProsodyServer server)
            throws Exception {
        List<String> registryAccount = Cli.account(server, "lateregistry");
        String registryJid = server.jid("lateregistry").toString();
        Path db = dir.resolve("registry");
        try (RunningCommand thing = RunningCommand.start(Cli.args(
                "thing",
                "--registry",
                registryJid,
                "--timeout",
                REPLY_TIMEOUT,
                Cli.account(server, "patientdevice")))) {
            thing.awaitOutput("online as (\\S+)", 20);
            thing.awaitOutput("(waiting for the registry " + Pattern.quote(registryJid) + " to come online)", 20);
            // five reply timeouts later it is still running and still waiting
            assertThatThrownBy(() -> thing.awaitExit(5 * REPLY_TIMEOUT)).isInstanceOf(TimeoutException.class);
            assertThat(thing.output()).doesNotContain("registered in").doesNotContain("not registered");

            String claim;
            try (RunningCommand first =
                    RunningCommand.start(Cli.args("registry", "--db", db, "--resource", "first", registryAccount))) {
                first.awaitOutput("online as (\\S+)", 20);
                claim = thing.awaitOutput("claim --registry \\S+ '([^']+)'", 20);
                assertThat(thing.output())
                        .contains("registered in " + registryJid)
                        .containsOnlyOnce("waiting for the registry");
                assertThat(first.stop()).isZero();
            }
            try (RunningCommand second =
                    RunningCommand.start(Cli.args("registry", "--db", db, "--resource", "second", registryAccount))) {
                second.awaitOutput("online as (\\S+)", 20);
                Cli.Result claimed = Cli.run(
                        Cli.args("claim", "--registry", registryJid, claim, Cli.account(server, "patientowner")));
                assertThat(claimed.exitCode()).as(claimed.err()).isZero();
                thing.awaitOutput("(claimed by " + server.jid("patientowner") + ")", 20);
                assertThat(second.stop()).isZero();
            }
            assertThat(thing.output()).containsOnlyOnce("waiting for the registry");
        }
    }
}
