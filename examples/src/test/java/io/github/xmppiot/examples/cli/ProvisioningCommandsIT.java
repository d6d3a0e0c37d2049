package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

/** {@code provisioning} and {@code thing --provisioning}: the provisioning server decides who may read the Thing. */
@ProsodyTest
class ProvisioningCommandsIT {

    @Test
    void theOwnerMayReadAndControlAStrangerMayNot(ProsodyServer server) throws Exception {
        try (RunningCommand provisioning = RunningCommand.start(Cli.args("provisioning", "--owner",
                server.jid("device") + "=" + server.jid("owner"), Cli.account(server, "prov")))) {
            String provisioningJid = provisioning.awaitOutput("online as (\\S+)", 20);
            assertThat(provisioning.errors()).as("state in memory is announced loudly")
                    .contains("WARNING: no --db given").contains("LOST when this server stops");
            RunningCommand thing = RunningCommand.start(Cli.args("thing", "--provisioning", server.jid("prov"),
                    Cli.account(server, "device")));
            String thingJid = thing.awaitOutput("online as (\\S+)", 20);
            assertThat(thing.output()).contains("provisioned by " + server.jid("prov"));
            thing.awaitOutput("provisioning server (\\S+) online", 20); // found through its presence

            // ownership needs proof: a stranger's claim is forbidden, the owner configured with --owner may claim
            XMPPTCPConnection strangerAccount = server.connect("stranger", "claimer");
            assertThatThrownBy(() -> claim(strangerAccount, provisioningJid, server.jid("device").toString()))
                    .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                            e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
            XMPPTCPConnection owner = server.connect("owner", "claimer");
            assertThat(claim(owner, provisioningJid, server.jid("device").toString()))
                    .isEqualTo(AdHocCommand.Status.completed);

            Cli.Result read = Cli.run(Cli.args("read", thingJid, Cli.account(server, "owner")));
            assertThat(read.exitCode()).as(read.err()).isZero();
            assertThat(read.out()).contains("Temperature");
            Cli.Result set = Cli.run(Cli.args("set", thingJid, "Relay=true", Cli.account(server, "owner")));
            assertThat(set.exitCode()).as(set.err()).isZero();

            Cli.Result stranger = Cli.run(Cli.args("read", thingJid, Cli.account(server, "stranger")));
            assertThat(stranger.exitCode()).isEqualTo(CliException.FAILED);
            assertThat(stranger.errLines()).singleElement().asString().contains("forbidden");

            assertThat(thing.stop()).isZero();
            assertThat(provisioning.stop()).isZero();
        }
    }

    private static AdHocCommand.Status claim(XMPPTCPConnection who, String provisioningJid, String thing)
            throws Exception {
        RemoteCommand claim = AdHocCommandManager.getAddHocCommandsManager(who)
                .getRemoteCommand(JidCreate.from(provisioningJid), OwnerCommands.CLAIM);
        claim.execute();
        FillableForm form = new FillableForm(claim.getForm());
        form.setAnswer(OwnerCommands.FIELD_THING, thing);
        claim.complete(form);
        return claim.getStatus();
    }
}
