package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import io.github.xmppiot.provisioning.server.JdbcProvisioningStore;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0324 §3.1.3.2 challenge relaying, §3.1.5 tokens in rules and §5.3 several provisioning servers. */
@ProsodyTest(logLevel = "info")
class DelegationIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    @Test
    void aChallengeOfAForwardedTokenIsRelayedToItsHolder(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "relay");
        ProvisioningClient clientSide = ProvisioningClient.getInstanceFor(w.client);
        await(clientSide.trust(w.serverBareJid()));
        DeviceIdentity identity = TestIdentities.create(dir, "client");
        String token = await(clientSide.requestToken(w.serverBareJid(), identity));
        w.readRule(Rule.TOKEN_PREFIX + token, List.of(), List.of());

        // the client sends its token to the Thing in a request; the Thing forwards it to the server in canRead
        clientSide.tokenSent(token, w.thing.getUser());
        AccessRequest request = AccessRequest.read(
                w.client.getUser(),
                Tokens.fromAttributes(null, token, null),
                List.of(),
                Set.of(),
                Set.of(FieldCategory.MOMENTARY));
        assertThat(await(w.thingClient.accessPolicy().decide(request))).isEqualTo(AccessDecision.allowAll());

        byte[] secret = "a secret only the key holder can".getBytes();
        TokenChallenge challenge = new TokenChallenge(
                token, TokenCrypto.encrypt(identity.certificate().getPublicKey(), secret));
        challenge.setTo(w.thing.getUser());
        TokenChallengeResponse answer =
                (TokenChallengeResponse) w.provisioning.sendIqRequestAndWaitForResponse(challenge);
        assertThat(answer.bytes()).isEqualTo(secret);

        // the same through the server's API, and refused by a party the token was never sent through
        assertThat(await(w.server.challengeToken(w.thing.getUser(), token))).isTrue();
        assertThat(await(w.server.challengeToken(w.stranger.getUser(), token))).isFalse();
        assertThat(await(w.server.challengeToken(w.thing.getUser(), "not-a-token")))
                .isFalse();
    }

    @Test
    void withSeveralServersTheMostForgivingAnswerWins(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "multi");
        XMPPTCPConnection second = prosody.connect("multi-prov2");
        try (JdbcProvisioningStore store2 = JdbcProvisioningStore.h2(dir.resolve("multi-rules2"));
                ProvisioningServer server2 = ProvisioningServer.start(second, store2)) {
            assertThatThrownBy(() -> await(w.thingClient.trust(second.getUser().asBareJid())))
                    .hasCauseInstanceOf(SecurityException.class);
            w.secondaryTrust(true);
            assertThat(await(w.thingClient.secondaryTrust().refresh())).isTrue();
            await(w.thingClient.trust(second.getUser().asBareJid()));
            store2.claim(w.jid("thing").toString(), w.jid("owner").toString());
            store2.putRule(new Rule(
                    w.jid("thing").toString(),
                    AccessRequest.Kind.READ,
                    w.jid("client").toString(),
                    List.of(),
                    List.of("Humidity")));
            w.readRule(w.jid("client").toString(), List.of(), List.of("Temperature"));

            AccessRequest request = AccessRequest.read(
                    w.client.getUser(),
                    Tokens.NONE,
                    List.of(),
                    Set.of("Temperature", "Humidity", "Pressure"),
                    Set.of(FieldCategory.MOMENTARY));
            assertThat(await(w.thingClient.accessPolicy().decide(request)))
                    .isEqualTo(AccessDecision.allowOnly(List.of(), Set.of("Temperature", "Humidity")));
            AccessRequest stranger = AccessRequest.read(
                    w.stranger.getUser(), Tokens.NONE, List.of(), Set.of(), Set.of(FieldCategory.MOMENTARY));
            assertThat(await(w.thingClient.accessPolicy().decide(stranger))).isEqualTo(AccessDecision.deny());
            assertThat(w.thingClient.servers()).hasSize(2);
            assertThat(await(w.thingClient.discoverComponentServers())).isEmpty();
        }
        w.command(
                w.owner,
                OwnerCommands.CLAIM,
                Map.of(OwnerCommands.FIELD_THING, w.jid("thing").toString()));
    }

    @Test
    void serversConfiguredAtInstallationAreAllOriginalTrust(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "install");
        XMPPTCPConnection second = prosody.connect("install-prov2");
        try (JdbcProvisioningStore store2 = JdbcProvisioningStore.h2(dir.resolve("install-rules2"));
                ProvisioningServer server2 = ProvisioningServer.start(second, store2)) {
            ProvisioningClient fresh = ProvisioningClient.getInstanceFor(prosody.connect("install-thing2"));
            await(fresh.trustAll(List.of(w.serverBareJid(), second.getUser().asBareJid())));
            assertThat(fresh.servers()).hasSize(2);
            assertThatThrownBy(() -> fresh.trustAll(List.of(second.getUser().asBareJid())))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
