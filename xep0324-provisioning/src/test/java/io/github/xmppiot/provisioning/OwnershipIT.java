package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner commands on a real Prosody: listing a Thing's rules, transferring it, giving it up. */
@ProsodyTest(logLevel = "info")
class OwnershipIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static AccessRequest read(XMPPTCPConnection who) {
        return AccessRequest.read(who.getUser(), Tokens.NONE, List.of(), Set.of(), Set.of(FieldCategory.MOMENTARY));
    }

    private static Map<String, Object> thing(World w) {
        return Map.of(OwnerCommands.FIELD_THING, w.jid("thing").toString());
    }

    private static void assertForbidden(ThrowingRunnable r) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theOwnerListsTheRulesOfItsThingAndNobodyElseMay(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "lst");
        w.readRule(w.jid("client").toString(), List.of("Node1"), List.of("Temperature"));
        w.controlRule("token:ABC", List.of(), List.of());
        w.command(
                w.owner,
                OwnerCommands.FRIENDSHIP,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        w.jid("thing").toString(),
                        OwnerCommands.FIELD_JID,
                        w.jid("client").toString(),
                        OwnerCommands.FIELD_ALLOW,
                        true));
        String listing = w.command(w.owner, OwnerCommands.LIST_RULES, thing(w));
        assertThat(listing.lines())
                .containsExactly(
                        "owner: " + w.jid("owner"),
                        "secondary trust: forbidden",
                        "friendship " + w.jid("client") + ": allowed",
                        "read rule " + w.jid("client") + ": nodes Node1; names Temperature",
                        "control rule token:ABC: nodes all; names all");
        assertForbidden(() -> w.command(w.stranger, OwnerCommands.LIST_RULES, thing(w)));
    }

    @Test
    void aTransferredThingObeysItsNewOwnerAndAGivenUpThingCanBeClaimedAgain(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "own");
        w.readRule(w.jid("client").toString(), List.of(), List.of());
        w.store.putToken("DISOWNED", w.jid("client").toString(), new byte[] {1});
        w.controlRule("token:DISOWNED", List.of(), List.of());
        ProvisioningAccessPolicy policy = w.thingClient.accessPolicy();
        assertThat(await(policy.decide(read(w.owner)))).isEqualTo(AccessDecision.allowAll());

        w.ownerChange(
                OwnerCommands.TRANSFER,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        w.jid("thing").toString(),
                        OwnerCommands.FIELD_NEW_OWNER,
                        w.jid("stranger").toString()));
        assertThat(w.store.owner(w.jid("thing").toString()))
                .contains(w.jid("stranger").toString());
        assertThat(await(policy.decide(read(w.owner))))
                .as("the former owner lost its rights")
                .isEqualTo(AccessDecision.deny());
        assertThat(await(policy.decide(read(w.stranger)))).isEqualTo(AccessDecision.allowAll());
        assertThat(await(policy.decide(read(w.client)))).as("rules are kept").isEqualTo(AccessDecision.allowAll());
        assertForbidden(() -> w.command(w.owner, OwnerCommands.LIST_RULES, thing(w)));
        assertForbidden(() -> w.command(w.owner, OwnerCommands.DISOWN, thing(w)));

        w.ownerChange(w.stranger, OwnerCommands.DISOWN, thing(w));
        assertThat(w.store.owner(w.jid("thing").toString())).isEmpty();
        assertThat(w.store.tokenHolder("DISOWNED"))
                .as("no rule names the token any more")
                .isEmpty();
        assertThat(await(policy.decide(read(w.client)))).as("rules are gone").isEqualTo(AccessDecision.deny());
        // claiming pushes clearCache, so the refusal the Thing cached a moment ago does not outlive the claim
        w.claimWithKey(w.client, "NEW-KEY-AFTER-DISOWN");
        assertThat(await(policy.decide(read(w.client)))).as("the new owner").isEqualTo(AccessDecision.allowAll());
        assertThat(w.command(w.client, OwnerCommands.LIST_RULES, thing(w)).lines())
                .containsExactly("owner: " + w.jid("client"), "secondary trust: forbidden");
    }
}
