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
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** {@code provisioning} and {@code thing --provisioning}: the provisioning server decides who may read the Thing. */
@ProsodyTest
class ProvisioningCommandsIT {

    @Test
    void theOwnerMayReadAndControlAStrangerMayNot(ProsodyServer server) throws Exception {
        try (RunningCommand provisioning = RunningCommand.start(Cli.args(
                "provisioning",
                "--owner",
                server.jid("device") + "=" + server.jid("owner"),
                Cli.account(server, "prov")))) {
            String provisioningJid = provisioning.awaitOutput("online as (\\S+)", 20);
            assertThat(provisioning.errors())
                    .as("state in memory is announced loudly")
                    .contains("WARNING: no --db given")
                    .contains("LOST when this server stops");
            RunningCommand thing = RunningCommand.start(
                    Cli.args("thing", "--provisioning", server.jid("prov"), Cli.account(server, "device")));
            String thingJid = thing.awaitOutput("online as (\\S+)", 20);
            assertThat(thing.output()).contains("provisioned by " + server.jid("prov"));
            thing.awaitOutput("provisioning server (\\S+) online", 20); // found through its presence

            // ownership needs proof: a stranger's claim is forbidden, the owner configured with --owner may claim
            XMPPTCPConnection strangerAccount = server.connect("stranger", "claimer");
            assertThatThrownBy(() -> claim(
                            strangerAccount,
                            provisioningJid,
                            server.jid("device").toString()))
                    .isInstanceOfSatisfying(
                            XMPPException.XMPPErrorException.class,
                            e -> assertThat(e.getStanzaError().getCondition())
                                    .isEqualTo(StanzaError.Condition.forbidden));
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

    /**
     * {@code thing --provisioning P --registry R} deposits the KEY of its claim string with P, so the claim string
     * claims it at P; {@code registry --provisioning P} reports claims made through it to P, which trusts it with
     * {@code --trusted-registry}. A stranger owns neither Thing.
     */
    @Test
    void theClaimStringAndARegistryClaimBothProveOwnership(ProsodyServer server) throws Exception {
        try (RunningCommand provisioning = RunningCommand.start(Cli.args(
                        "provisioning", "--trusted-registry", server.jid("reg2"), Cli.account(server, "prov2")));
                RunningCommand registry = RunningCommand.start(
                        Cli.args("registry", "--provisioning", server.jid("prov2"), Cli.account(server, "reg2")))) {
            String provisioningJid = provisioning.awaitOutput("online as (\\S+)", 20);
            String registryJid = registry.awaitOutput("online as (\\S+)", 20);
            assertThat(registry.output()).contains("claims are reported to the provisioning server");
            XMPPTCPConnection stranger = server.connect("stranger2", "claimer");

            // the claim string printed by the Thing claims it at the provisioning server
            RunningCommand keyed = RunningCommand.start(Cli.args(
                    "thing",
                    "--provisioning",
                    server.jid("prov2"),
                    "--registry",
                    registryJid,
                    Cli.account(server, "device2")));
            String claim = keyed.awaitOutput("claim --registry \\S+ '([^']+)'", 20);
            keyed.awaitOutput("(claim KEY deposited with the provisioning server)", 20);
            String device2 = server.jid("device2").toString();
            assertForbidden(() -> claim(stranger, provisioningJid, device2, "IoTDisco;KEY:guessed"));
            XMPPTCPConnection owner2 = server.connect("owner2", "claimer");
            assertThat(claim(owner2, provisioningJid, device2, claim)).isEqualTo(AdHocCommand.Status.completed);
            assertThat(listRules(owner2, provisioningJid, device2)).isEqualTo(AdHocCommand.Status.completed);
            assertForbidden(() -> listRules(stranger, provisioningJid, device2));

            // a claim through the registry is reported to the provisioning server
            RunningCommand registered = RunningCommand.start(Cli.args(
                    "thing",
                    "--provisioning",
                    server.jid("prov2"),
                    "--registry",
                    registryJid,
                    Cli.account(server, "device3")));
            String claim3 = registered.awaitOutput("claim --registry \\S+ '([^']+)'", 20);
            Cli.Result claimed =
                    Cli.run(Cli.args("claim", "--registry", registryJid, claim3, Cli.account(server, "owner3")));
            assertThat(claimed.exitCode())
                    .as(claimed.err() + registry.output() + registry.errors())
                    .isZero();
            String device3 = server.jid("device3").toString();
            XMPPTCPConnection owner3 = server.connect("owner3", "checker");
            assertThat(listRules(owner3, provisioningJid, device3)).isEqualTo(AdHocCommand.Status.completed);
            assertForbidden(() -> listRules(stranger, provisioningJid, device3));
            assertForbidden(() -> claim(stranger, provisioningJid, device3, claim3));

            assertThat(keyed.stop()).isZero();
            assertThat(registered.stop()).isZero();
        }
    }

    private static void assertForbidden(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
    }

    private static AdHocCommand.Status claim(XMPPTCPConnection who, String provisioningJid, String thing)
            throws Exception {
        return claim(who, provisioningJid, thing, null);
    }

    private static AdHocCommand.Status claim(XMPPTCPConnection who, String provisioningJid, String thing, String key)
            throws Exception {
        RemoteCommand claim = AdHocCommandManager.getAddHocCommandsManager(who)
                .getRemoteCommand(JidCreate.from(provisioningJid), OwnerCommands.CLAIM);
        claim.execute();
        FillableForm form = new FillableForm(claim.getForm());
        form.setAnswer(OwnerCommands.FIELD_THING, thing);
        if (key != null) {
            form.setAnswer(OwnerCommands.FIELD_KEY, key);
        }
        claim.complete(form);
        return claim.getStatus();
    }

    private static AdHocCommand.Status listRules(XMPPTCPConnection who, String provisioningJid, String thing)
            throws Exception {
        RemoteCommand list = AdHocCommandManager.getAddHocCommandsManager(who)
                .getRemoteCommand(JidCreate.from(provisioningJid), OwnerCommands.LIST_RULES);
        list.execute();
        FillableForm form = new FillableForm(list.getForm());
        form.setAnswer(OwnerCommands.FIELD_THING, thing);
        list.complete(form);
        return list.getStatus();
    }
}
