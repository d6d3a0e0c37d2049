package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static io.github.xmppiot.provisioning.World.subscriptionAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.element.ClearCache;
import io.github.xmppiot.provisioning.element.Unfriend;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/** XEP-0324 end to end on a real Prosody: friendships, narrowed read-out and control, rule changes, spoofed orders. */
@ProsodyTest(logLevel = "info")
class ProvisioningIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static AccessRequest read(XMPPTCPConnection who, List<NodeRef> nodes, Set<String> fields) {
        return AccessRequest.read(who.getUser(), Tokens.NONE, nodes, fields, Set.of(FieldCategory.MOMENTARY));
    }

    @Test
    void friendshipsAreApprovedForTheOwnerAndAllowedFriendsAndDeniedForStrangers(ProsodyServer prosody)
            throws Exception {
        World w = World.create(prosody, dir, "fr");
        CompletableFuture<Boolean> strangerDecided = new CompletableFuture<>();
        CompletableFuture<Boolean> clientDecided = new CompletableFuture<>();
        w.thingClient.addListener(new ProvisioningListener() {
            @Override
            public void friendshipDecided(BareJid requester, boolean accepted) {
                if (requester.equals(w.jid("stranger"))) {
                    strangerDecided.complete(accepted);
                } else if (requester.equals(w.jid("client"))) {
                    clientDecided.complete(accepted);
                }
            }
        });
        CompletableFuture<Boolean> ownerAnswer = subscriptionAnswer(w.owner, w.jid("thing"));
        Roster.getInstanceFor(w.owner).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(ownerAnswer)).isTrue();

        CompletableFuture<Boolean> strangerAnswer = subscriptionAnswer(w.stranger, w.jid("thing"));
        Roster.getInstanceFor(w.stranger).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(strangerDecided)).isFalse();
        assertThat(await(strangerAnswer)).isFalse();

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
        CompletableFuture<Boolean> clientAnswer = subscriptionAnswer(w.client, w.jid("thing"));
        Roster.getInstanceFor(w.client).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(clientDecided)).isTrue();
        assertThat(await(clientAnswer)).isTrue();
    }

    @Test
    void readOutAndControlAreNarrowedToWhatTheOwnerAllowed(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "nar");
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        w.controlRule(w.jid("client").toString(), List.of("Out1"), List.of());
        ProvisioningAccessPolicy policy = w.thingClient.accessPolicy();

        AccessDecision read = await(policy.decide(read(w.client, List.of(), Set.of("Temperature", "Humidity"))));
        assertThat(read).isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Temperature")));
        assertThat(read.allowsName("Humidity")).isFalse();

        AccessDecision control = await(policy.decide(AccessRequest.control(
                w.client.getUser(), Tokens.NONE, List.of(NodeRef.of("Out1"), NodeRef.of("Out2")), Set.of("Value"))));
        assertThat(control).isEqualTo(AccessDecision.allowOnly(List.of(NodeRef.of("Out1")), Set.of()));
        assertThat(control.allowsNode(NodeRef.of("Out2"))).isFalse();

        assertThat(await(policy.decide(read(w.stranger, List.of(), Set.of())))).isEqualTo(AccessDecision.deny());
        assertThat(await(policy.decide(read(w.owner, List.of(), Set.of())))).isEqualTo(AccessDecision.allowAll());
    }

    @Test
    void aRuleChangePushesClearCacheAndTheNextRequestSeesTheNewRule(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "chg");
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));
        AccessRequest request = read(w.client, List.of(), Set.of("Temperature", "Humidity"));
        assertThat(await(w.thingClient.accessPolicy().decide(request)))
                .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Temperature")));
        assertThat(w.cache.get(request)).isPresent();

        CompletableFuture<Jid> cleared = new CompletableFuture<>();
        w.thingClient.addListener(new ProvisioningListener() {
            @Override
            public void cacheCleared(Jid cause) {
                cleared.complete(cause);
            }
        });
        w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature", "Humidity"));
        assertThat(await(cleared).asBareJid().toString())
                .isEqualTo(w.serverBareJid().toString());
        assertThat(w.cache.get(request)).isEmpty();
        assertThat(await(w.thingClient.accessPolicy().decide(request))).isEqualTo(AccessDecision.allowAll());
    }

    @Test
    void spoofedUnfriendAndClearCacheFromAnUntrustedJidChangeNothing(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "spoof");
        CompletableFuture<Boolean> ownerAnswer = subscriptionAnswer(w.owner, w.jid("thing"));
        Roster.getInstanceFor(w.owner).sendSubscriptionRequest(w.jid("thing"));
        assertThat(await(ownerAnswer)).isTrue();
        w.readRule(w.jid("client").toString(), List.of(), List.of());
        AccessRequest request = read(w.client, List.of(), Set.of());
        assertThat(await(w.thingClient.accessPolicy().decide(request))).isEqualTo(AccessDecision.allowAll());

        CompletableFuture<String> ignored = new CompletableFuture<>();
        w.thingClient.addListener(new ProvisioningListener() {
            @Override
            public void untrustedOrderIgnored(Jid from, String element) {
                if (from.asBareJid().equals(w.jid("stranger"))) {
                    ignored.complete(element);
                }
            }
        });
        Message spoof = w.stranger
                .getStanzaFactory()
                .buildMessageStanza()
                .to(w.thing.getUser())
                .addExtension(new Unfriend(w.jid("owner")))
                .build();
        w.stranger.sendStanza(spoof);
        assertThat(await(ignored)).isEqualTo("unfriend");

        ClearCache clear = new ClearCache();
        clear.setTo(w.thing.getUser());
        assertThatThrownBy(() -> w.stranger.sendIqRequestAndWaitForResponse(clear))
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
        assertThat(w.cache.get(request)).contains(AccessDecision.allowAll());
        assertThat(Roster.getInstanceFor(w.thing).getEntry(w.jid("owner"))).isNotNull();
    }
}
