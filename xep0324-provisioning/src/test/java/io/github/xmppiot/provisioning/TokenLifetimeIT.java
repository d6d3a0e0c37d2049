package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.provisioning.element.Credential;
import io.github.xmppiot.provisioning.element.CredentialType;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.Rule;
import io.github.xmppiot.testkit.ManualClock;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0324 §3.1.3 token lifetime on a real Prosody: tokens expire on the server and are revoked with their last rule. */
@ProsodyTest(logLevel = "info")
class TokenLifetimeIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    @Test
    void anExpiredServiceTokenNoLongerAdmitsUsers(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "exp");
        ManualClock clock = new ManualClock();
        w.restartServer(Duration.ofHours(1), clock);
        XMPPTCPConnection service = prosody.connect("exp-service");
        ProvisioningClient tokens = ProvisioningClient.getInstanceFor(service);
        await(tokens.trust(w.serverBareJid()));
        String serviceToken = await(tokens.requestToken(w.serverBareJid(), TestIdentities.create(dir, "expsvc")));
        String serviceJid = prosody.jid("exp-service").toString();
        w.claimService(service, "KEY-" + serviceJid);
        w.command(
                w.owner,
                OwnerCommands.ACCESS_RULE,
                Map.of(OwnerCommands.FIELD_THING, serviceJid, OwnerCommands.FIELD_CREDENTIALS, List.of("userName=*")));
        ProvisioningServiceClient svc = ProvisioningServiceClient.getInstanceFor(service);
        List<Credential> kermit = List.of(new Credential(CredentialType.USER_NAME, "Kermit"));

        assertThat(await(svc.canAccess(w.serverBareJid(), serviceToken, kermit)).granted())
                .isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(await(svc.canAccess(w.serverBareJid(), serviceToken, kermit)).granted())
                .isFalse();
        assertThat(await(w.server.challengeToken(service.getUser(), serviceToken)))
                .isFalse();
        String renewed = await(tokens.requestToken(w.serverBareJid(), TestIdentities.create(dir, "expsvc2")));
        assertThat(await(svc.canAccess(w.serverBareJid(), renewed, kermit)).granted())
                .isTrue();
    }

    @Test
    void removingTheLastRuleThatNamesATokenRevokesIt(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "rev");
        ProvisioningClient clientSide = ProvisioningClient.getInstanceFor(w.client);
        await(clientSide.trust(w.serverBareJid()));
        String token = await(clientSide.requestToken(w.serverBareJid(), TestIdentities.create(dir, "revclient")));
        String principal = Rule.TOKEN_PREFIX + token;
        w.readRule(principal, List.of(), List.of());
        w.controlRule(principal, List.of(), List.of());
        // the holder sends its token to the Thing, and proves possession when the server challenges it (§3.1.3.2)
        clientSide.tokenSent(token, w.thing.getUser());
        AccessRequest request = AccessRequest.read(
                w.client.getUser(),
                Tokens.fromAttributes(null, token, null),
                List.of(),
                Set.of(),
                Set.of(FieldCategory.MOMENTARY));
        assertThat(await(w.thingClient.accessPolicy().decide(request))).isEqualTo(AccessDecision.allowAll());

        String note = w.command(
                w.owner,
                OwnerCommands.READ_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        w.jid("thing").toString(),
                        OwnerCommands.FIELD_PRINCIPAL,
                        principal,
                        OwnerCommands.FIELD_REMOVE,
                        true));
        assertThat(note).doesNotContain("revoked");
        assertThat(w.store.tokenHolder(token))
                .as("a control rule still names it")
                .isPresent();

        w.ownerChange(
                OwnerCommands.CONTROL_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        w.jid("thing").toString(),
                        OwnerCommands.FIELD_PRINCIPAL,
                        principal,
                        OwnerCommands.FIELD_REMOVE,
                        true));
        assertThat(w.store.tokenHolder(token)).isEmpty();
        assertThat(await(w.server.challengeToken(w.client.getUser(), token))).isFalse();
        assertThat(await(w.thingClient.accessPolicy().decide(request))).isEqualTo(AccessDecision.deny());
    }
}
