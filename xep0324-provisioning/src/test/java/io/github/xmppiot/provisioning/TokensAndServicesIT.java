package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.World.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.provisioning.element.Credential;
import io.github.xmppiot.provisioning.element.CredentialType;
import io.github.xmppiot.provisioning.element.GetTokenChallengeResponse;
import io.github.xmppiot.provisioning.element.GetTokenResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ServerListener;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0324 §3.1.3 tokens and §3.6/§3.7 services on a real Prosody; malformed requests get {@code bad-request}. */
@ProsodyTest(logLevel = "info")
class TokensAndServicesIT {

    @TempDir
    Path dir;

    @AfterEach
    void closeWorlds() {
        World.closeAll();
    }

    private static StanzaError.Condition conditionOf(ExecutionException e) {
        return ((IotErrorException) e.getCause()).condition();
    }

    @Test
    void aThingObtainsATokenAndAnswersChallengesOnlyFromWhomItSentItTo(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "tok");
        DeviceIdentity identity = TestIdentities.create(dir, "thing");
        String token = await(w.thingClient.requestToken(w.serverBareJid(), identity));
        assertThat(token).isNotBlank().doesNotContainAnyWhitespaces();
        assertThat(w.store.tokenHolder(token)).contains(w.jid("thing").toString());
        byte[] der = identity.certificate().getEncoded();
        assertThat(w.store.tokenCertificate(token))
                .hasValueSatisfying(stored -> assertThat(stored).isEqualTo(der));

        byte[] secret = "thirty-two bytes of random data!".getBytes();
        byte[] encrypted = TokenCrypto.encrypt(identity.certificate().getPublicKey(), secret);
        TokenChallenge fromStranger = new TokenChallenge(token, encrypted);
        fromStranger.setTo(w.thing.getUser());
        assertThatThrownBy(() -> w.stranger.sendIqRequestAndWaitForResponse(fromStranger))
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));

        TokenChallenge fromServerBeforeSending = new TokenChallenge(token, encrypted);
        fromServerBeforeSending.setTo(w.thing.getUser());
        assertThatThrownBy(() -> w.provisioning.sendIqRequestAndWaitForResponse(fromServerBeforeSending))
                .isInstanceOf(XMPPException.XMPPErrorException.class);

        w.thingClient.tokenSent(token, w.serverFullJid());
        TokenChallenge fromServer = new TokenChallenge(token, encrypted);
        fromServer.setTo(w.thing.getUser());
        TokenChallengeResponse answer =
                (TokenChallengeResponse) w.provisioning.sendIqRequestAndWaitForResponse(fromServer);
        assertThat(answer.bytes()).isEqualTo(secret);
    }

    @Test
    void wrongOrUnknownChallengeAnswersAreRefusedAsTheXepSays(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "chal");
        GetTokenChallengeResponse unknown = new GetTokenChallengeResponse(987654, new byte[] {1, 2, 3});
        unknown.setTo(w.serverFullJid());
        ExecutionException notFound = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> await(Iqs.request(w.thing, unknown, GetTokenResponse.class)));
        assertThat(conditionOf(notFound)).isEqualTo(StanzaError.Condition.item_not_found);

        io.github.xmppiot.provisioning.element.GetToken getToken = new io.github.xmppiot.provisioning.element.GetToken(
                TestIdentities.create(dir, "t2").certificate().getEncoded());
        getToken.setTo(w.serverFullJid());
        var challenge =
                await(Iqs.request(w.thing, getToken, io.github.xmppiot.provisioning.element.GetTokenChallenge.class));
        GetTokenChallengeResponse wrong = new GetTokenChallengeResponse(challenge.seqnr(), new byte[32]);
        wrong.setTo(w.serverFullJid());
        ExecutionException bad = org.junit.jupiter.api.Assertions.assertThrows(
                ExecutionException.class, () -> await(Iqs.request(w.thing, wrong, GetTokenResponse.class)));
        assertThat(conditionOf(bad)).isEqualTo(StanzaError.Condition.bad_request);

        IQ malformed = new IQ("canRead", ProvisioningIq.NAMESPACE) {
            @Override
            protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
                xml.setEmptyElement();
                return xml;
            }
        };
        malformed.setType(IQ.Type.get);
        malformed.setTo(w.serverFullJid());
        assertThatThrownBy(() -> w.thing.sendIqRequestAndWaitForResponse(malformed))
                .isInstanceOfSatisfying(
                        XMPPException.XMPPErrorException.class,
                        e -> assertThat(e.getStanzaError().getCondition())
                                .isEqualTo(StanzaError.Condition.bad_request));
    }

    @Test
    void aServiceChecksAccessAndPrivilegesOfItsUsers(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "svc");
        XMPPTCPConnection service = prosody.connect("svc-service");
        ProvisioningClient tokens = ProvisioningClient.getInstanceFor(service);
        await(tokens.trust(w.serverBareJid()));
        String serviceToken = await(tokens.requestToken(w.serverBareJid(), TestIdentities.create(dir, "service")));
        String serviceJid = prosody.jid("svc-service").toString();
        w.claimService(service, "KEY-" + serviceJid);
        w.command(
                w.owner,
                OwnerCommands.PRIVILEGES,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        serviceJid,
                        OwnerCommands.FIELD_USER,
                        "Kermit",
                        OwnerCommands.FIELD_PRIVILEGES,
                        List.of("-Sensors.Delete", "+Sensors")));
        w.command(
                w.owner,
                OwnerCommands.PRIVILEGES,
                Map.of(OwnerCommands.FIELD_THING, serviceJid, OwnerCommands.FIELD_PRIVILEGES, List.of("+Public")));

        w.command(
                w.owner,
                OwnerCommands.ACCESS_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        serviceJid,
                        OwnerCommands.FIELD_CREDENTIALS,
                        List.of("userName=Kermit")));

        ProvisioningServiceClient svc = ProvisioningServiceClient.getInstanceFor(service);
        List<Credential> credentials = List.of(
                new Credential(CredentialType.IP4, "10.0.0.1"),
                new Credential(CredentialType.LONGITUDE, "123.45"),
                new Credential(CredentialType.USER_NAME, "Kermit"));
        assertThat(await(svc.canAccess(w.serverBareJid(), "FORGED", credentials))
                        .granted())
                .isFalse();
        ProvisioningServiceClient.Access access = await(svc.canAccess(w.serverBareJid(), serviceToken, credentials));
        assertThat(access.granted()).isTrue();
        String userToken = access.userToken().orElseThrow();

        assertThat(await(svc.hasPrivilege(w.serverBareJid(), serviceToken, userToken, "Public.Read")))
                .isTrue();
        assertThat(await(svc.hasPrivilege(w.serverBareJid(), serviceToken, userToken, "Sensors.View")))
                .isFalse();

        CompletableFuture<String> loggedIn = new CompletableFuture<>();
        w.server.addListener(new ServerListener() {
            @Override
            public void userLoggedIn(String s, String userName) {
                loggedIn.complete(userName);
            }
        });
        await(svc.userLoggedIn(w.serverBareJid(), serviceToken, userToken, "Kermit"));
        assertThat(await(loggedIn)).isEqualTo("Kermit");

        assertThat(await(svc.hasPrivilege(w.serverBareJid(), serviceToken, userToken, "Sensors.View")))
                .isTrue();
        assertThat(await(svc.hasPrivilege(w.serverBareJid(), serviceToken, userToken, "Sensors.Delete")))
                .isFalse();
        PrivilegeSet all = await(svc.downloadPrivileges(w.serverBareJid(), serviceToken, userToken));
        assertThat(all.isGranted("Sensors.Edit")).isTrue();
        assertThat(all.isGranted("Sensors.Delete")).isFalse();
        assertThat(all.isGranted("Public.Read")).isFalse();
    }

    @Test
    void canAccessAdmitsOnlyTheUsersTheOwnerAllowedTheService(ProsodyServer prosody) throws Exception {
        World w = World.create(prosody, dir, "acc");
        XMPPTCPConnection service = prosody.connect("acc-service");
        ProvisioningClient tokens = ProvisioningClient.getInstanceFor(service);
        await(tokens.trust(w.serverBareJid()));
        String serviceToken = await(tokens.requestToken(w.serverBareJid(), TestIdentities.create(dir, "accsvc")));
        String serviceJid = prosody.jid("acc-service").toString();
        w.claimService(service, "KEY-" + serviceJid);
        ProvisioningServiceClient svc = ProvisioningServiceClient.getInstanceFor(service);
        List<Credential> client =
                List.of(new Credential(CredentialType.JID, w.client.getUser().toString()));
        List<Credential> stranger =
                List.of(new Credential(CredentialType.JID, w.stranger.getUser().toString()));
        assertThat(await(svc.canAccess(w.serverBareJid(), serviceToken, client)))
                .as("no rule: nobody is admitted")
                .isEqualTo(new ProvisioningServiceClient.Access(false, Optional.empty()));

        w.command(
                w.owner,
                OwnerCommands.ACCESS_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        serviceJid,
                        OwnerCommands.FIELD_CREDENTIALS,
                        List.of("jid=" + w.jid("client"))));
        ProvisioningServiceClient.Access granted = await(svc.canAccess(w.serverBareJid(), serviceToken, client));
        assertThat(granted.granted()).isTrue();
        assertThat(granted.userToken())
                .hasValueSatisfying(t -> assertThat(t).isNotBlank().doesNotContainAnyWhitespaces());
        assertThat(await(svc.canAccess(w.serverBareJid(), serviceToken, stranger)))
                .isEqualTo(new ProvisioningServiceClient.Access(false, Optional.empty()));

        w.command(
                w.owner,
                OwnerCommands.ACCESS_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        serviceJid,
                        OwnerCommands.FIELD_CREDENTIALS,
                        List.of("jid=" + w.jid("client")),
                        OwnerCommands.FIELD_REMOVE,
                        true));
        assertThat(await(svc.canAccess(w.serverBareJid(), serviceToken, client)).granted())
                .isFalse();
        assertThatThrownBy(() -> w.command(
                        w.stranger,
                        OwnerCommands.ACCESS_RULE,
                        Map.of(
                                OwnerCommands.FIELD_THING,
                                serviceJid,
                                OwnerCommands.FIELD_CREDENTIALS,
                                List.of("jid=" + w.jid("stranger")))))
                .isInstanceOf(XMPPException.XMPPErrorException.class);
    }
}
