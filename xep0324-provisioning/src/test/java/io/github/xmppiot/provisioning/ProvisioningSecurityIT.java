package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.provisioning.element.CanRead;
import io.github.xmppiot.provisioning.element.GetToken;
import io.github.xmppiot.provisioning.element.GetTokenChallenge;
import io.github.xmppiot.provisioning.element.IsFriend;
import io.github.xmppiot.provisioning.element.IsFriendResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.provisioning.server.ServerOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What a stranger can do to the provisioning server on a real Prosody: not own a Thing without proof, not use a token
 * it cannot prove it holds, not make the server keep state for it.
 */
@ProsodyTest(logLevel = "info")
class ProvisioningSecurityIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static void assertForbidden(ThrowingRunnable r) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
    }

    private static void assertBadRequest(ThrowingRunnable r) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition())
                                .isEqualTo(StanzaError.Condition.bad_request));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Map<String, Object> claim(String thing, String key) {
        return key == null
                ? Map.of(OwnerCommands.FIELD_THING, thing)
                : Map.of(OwnerCommands.FIELD_THING, thing, OwnerCommands.FIELD_KEY, key);
    }

    @Test
    void ownershipNeedsTheClaimKeyAConfiguredOwnerOrATrustedRegistry(ProsodyServer prosody) throws Exception {
        World w = World.create(
                prosody,
                dir,
                "own",
                ServerOptions.builder()
                        .owner(
                                prosody.jid("own-lamp").toString(),
                                prosody.jid("own-client").toString())
                        .trustedRegistry(prosody.jid("own-registry").toString())
                        .build());
        XMPPTCPConnection device = prosody.connect("own-device");
        String deviceJid = device.getUser().asBareJid().toString();

        assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, claim(deviceJid, null)));
        assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, claim(deviceJid, "GUESSED")));
        w.command(device, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "S3CRET;KEY"));
        assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, claim(deviceJid, "S3CRET")));
        assertThat(w.store.owner(deviceJid)).as("no stranger became the owner").isEmpty();
        assertBadRequest(() -> w.command(w.stranger, OwnerCommands.CLAIM, claim(deviceJid, "IoTDisco;SN:42")));
        assertBadRequest(() -> w.command(
                w.stranger,
                OwnerCommands.CLAIM,
                claim(deviceJid, "K".repeat(ServerOptions.DEFAULT_MAX_CLAIM_KEY_LENGTH + 1))));

        w.command(w.owner, OwnerCommands.CLAIM, claim(deviceJid, "IoTDisco;SN:42;KEY:S3CRET\\;KEY;#V:1.0"));
        assertThat(w.store.owner(deviceJid)).contains(w.jid("owner").toString());
        assertForbidden(() -> w.command(device, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "NEW")));
        w.command(w.owner, OwnerCommands.DISOWN, Map.of(OwnerCommands.FIELD_THING, deviceJid));
        assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, claim(deviceJid, "S3CRET;KEY")));

        String lamp = prosody.jid("own-lamp").toString();
        assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, claim(lamp, null)));
        w.command(w.client, OwnerCommands.CLAIM, claim(lamp, null));
        assertThat(w.store.owner(lamp))
                .as("the operator's owner list")
                .contains(w.jid("client").toString());

        XMPPConnection registry = prosody.connect("own-registry");
        Map<String, Object> reported = Map.of(
                OwnerCommands.FIELD_THING,
                deviceJid,
                OwnerCommands.FIELD_OWNER,
                w.jid("stranger").toString());
        assertForbidden(() -> w.command(w.stranger, OwnerCommands.CLAIM, reported));
        w.command(
                registry,
                OwnerCommands.CLAIM,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        deviceJid,
                        OwnerCommands.FIELD_OWNER,
                        w.jid("owner").toString()));
        assertThat(w.store.owner(deviceJid))
                .as("claimed through the trusted registry")
                .contains(w.jid("owner").toString());
    }

    @Test
    void aTokenRuleAppliesOnlyToWhoProvesItHoldsTheToken(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "pop");
        ProvisioningClient clientSide = ProvisioningClient.getInstanceFor(w.client);
        await(clientSide.trust(w.serverBareJid()));
        String token = await(clientSide.requestToken(w.serverBareJid(), TestIdentities.create(dir, "pop-client")));
        w.readRule(Rule.TOKEN_PREFIX + token, List.of(), List.of());
        ProvisioningClient.getInstanceFor(w.stranger);

        // the stranger replays the client's token: the server challenges, the Thing relays to the stranger, who
        // cannot decrypt (it never obtained the token)
        assertThat(await(w.thingClient.accessPolicy().decide(read(w.stranger, token))))
                .as("a replayed token grants nothing")
                .isEqualTo(AccessDecision.deny());

        clientSide.tokenSent(token, w.thing.getUser());
        assertThat(await(w.thingClient.accessPolicy().decide(read(w.client, token))))
                .isEqualTo(AccessDecision.allowAll());

        // the proof is remembered: with the holder offline (no challenge can be answered) and the Thing's cache
        // cleared, the server still grants
        w.client.disconnect();
        w.thingClient.clearCache(w.serverFullJid());
        assertThat(await(w.thingClient
                        .accessPolicy()
                        .decide(AccessRequest.read(
                                JidCreate.from(w.jid("client") + "/gone"),
                                Tokens.fromAttributes(null, token, null),
                                List.of(),
                                Set.of(),
                                Set.of(FieldCategory.MOMENTARY)))))
                .isEqualTo(AccessDecision.allowAll());
    }

    private static AccessRequest read(XMPPTCPConnection who, String token) {
        return AccessRequest.read(
                who.getUser(),
                Tokens.fromAttributes(null, token, null),
                List.of(),
                Set.of(),
                Set.of(FieldCategory.MOMENTARY));
    }

    @Test
    void aStrangerCannotMakeTheServerKeepStateForIt(ProsodyServer prosody) throws Exception {
        World w = World.create(
                prosody, dir, "grow", ServerOptions.builder().askedPerThing(2).build());
        String stranger = w.jid("stranger").toString();
        for (int i = 0; i < 5; i++) {
            IsFriend q = new IsFriend(JidCreate.bareFrom("someone" + i + "@example.org"));
            q.setTo(w.serverFullJid());
            assertThat(await(Iqs.request(w.stranger, q, IsFriendResponse.class)).result())
                    .isFalse();
        }
        assertThat(w.store.askedCount(stranger))
                .as("no rows for an unknown Thing")
                .isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(await(w.thingClient.isFriend(JidCreate.bareFrom("peer" + i + "@example.org"))))
                    .isFalse();
        }
        assertThat(w.store.askedCount(w.jid("thing").toString()))
                .as("capped per Thing")
                .isEqualTo(2);

        byte[] der = TestIdentities.create(dir, "grow-stranger").certificate().getEncoded();
        for (int i = 0; i < ServerOptions.DEFAULT_PENDING_CHALLENGES_PER_JID; i++) {
            GetToken get = new GetToken(der);
            get.setTo(w.serverFullJid());
            assertThat(await(Iqs.request(w.stranger, get, GetTokenChallenge.class))
                            .seqnr())
                    .isPositive();
        }
        GetToken oneTooMany = new GetToken(der);
        oneTooMany.setTo(w.serverFullJid());
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> await(Iqs.request(w.stranger, oneTooMany, GetTokenChallenge.class)));
        assertThat(((IotErrorException) refused.getCause()).condition())
                .isEqualTo(StanzaError.Condition.resource_constraint);
        GetToken fromTheThing = new GetToken(der);
        fromTheThing.setTo(w.serverFullJid());
        assertThat(await(Iqs.request(w.thing, fromTheThing, GetTokenChallenge.class))
                        .seqnr())
                .as("other accounts are not affected")
                .isPositive();
    }

    @Test
    void strangersMakeTheThingAskOnlyWithinBounds(ProsodyServer prosody) throws Exception {
        // a provisioning account that records the questions and never answers: they stay in flight
        XMPPTCPConnection slow = prosody.connect("bound-slow");
        Roster.getInstanceFor(slow).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        List<String> asked = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> threeAsked = new CompletableFuture<>();
        slow.registerIQRequestHandler(
                new AbstractIqRequestHandler(
                        CanRead.ELEMENT, ProvisioningIq.NAMESPACE, IQ.Type.get, IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ iq) {
                        asked.add(((CanRead) iq).jid().toString());
                        if (asked.size() >= 3) {
                            threeAsked.complete(null);
                        }
                        return null;
                    }
                });
        XMPPTCPConnection thing = prosody.connect("bound-thing");
        ProvisioningClient provisioned = ProvisioningClient.getInstanceFor(thing);
        await(provisioned.trust(slow.getUser().asBareJid()));
        XMPPTCPConnection stranger = prosody.connect("bound-stranger");
        XMPPTCPConnection other = prosody.connect("bound-other");
        ProvisioningAccessPolicy policy = provisioned.accessPolicy();

        List<CompletableFuture<AccessDecision>> flood = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flood.add(policy.decide(AccessRequest.read(
                            stranger.getUser(),
                            Tokens.NONE,
                            List.of(),
                            Set.of("F" + i),
                            Set.of(FieldCategory.MOMENTARY)))
                    .toCompletableFuture());
        }
        assertThat(flood.subList(ProvisioningAccessPolicy.DEFAULT_STRANGER_QUERIES_PER_JID, 5))
                .as("beyond the bound: refused at once, without asking")
                .allSatisfy(f -> assertThat(f).isCompletedWithValue(AccessDecision.deny()));
        CompletionStage<AccessDecision> another = policy.decide(
                AccessRequest.read(other.getUser(), Tokens.NONE, List.of(), Set.of(), Set.of(FieldCategory.MOMENTARY)));
        assertThat(another.toCompletableFuture())
                .as("another requester is still asked about")
                .isNotDone();
        String strangerJid = stranger.getUser().asBareJid().toString();
        String otherJid = other.getUser().asBareJid().toString();
        threeAsked.get(World.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(asked).containsExactlyInAnyOrder(strangerJid, strangerJid, otherJid);

        provisioned.update(b -> b.strangerQueries(ProvisioningAccessPolicy.StrangerQueries.NONE));
        assertThat(policy.decide(AccessRequest.read(
                                JidCreate.from("nobody@example.org/x"),
                                Tokens.NONE,
                                List.of(),
                                Set.of(),
                                Set.of(FieldCategory.MOMENTARY)))
                        .toCompletableFuture())
                .isCompletedWithValue(AccessDecision.deny());
        assertThat(asked).hasSize(3);
    }
}
