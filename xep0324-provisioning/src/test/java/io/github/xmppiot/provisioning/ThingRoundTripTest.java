package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.Wire.bare;
import static io.github.xmppiot.provisioning.Wire.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.provisioning.element.ClearCache;
import io.github.xmppiot.provisioning.element.Friend;
import io.github.xmppiot.provisioning.element.GetToken;
import io.github.xmppiot.provisioning.element.GetTokenChallengeResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.element.Unfriend;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.server.OwnerCommands;
import io.github.xmppiot.provisioning.server.ProvisioningServer;
import io.github.xmppiot.provisioning.server.ServerListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The Thing side of XEP-0324 (§3.1-§3.7) against the provisioning server over in-memory connections: friendship
 * decisions on subscription requests, orders from untrusted senders, the access policy, tokens proven by challenge,
 * and the service requests.
 */
class ThingRoundTripTest {

    @TempDir
    static Path dir;

    private static DeviceIdentity identity;

    private Wire w;

    /** Made once per JVM (keytool takes seconds): mutation testing runs this class again for every mutant. */
    @BeforeAll
    static void identities() throws Exception {
        if (identity == null) {
            identity = TestIdentities.create(dir, "stranger");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private void subscribe(XMPPConnection from, XMPPConnection to) throws Exception {
        from.sendStanza(from.getStanzaFactory()
                .buildPresenceStanza()
                .ofType(Presence.Type.subscribe)
                .to(to.getUser().asBareJid())
                .build());
    }

    private static boolean presence(org.jivesoftware.smack.packet.Stanza s, Presence.Type type) {
        return s instanceof Presence p && p.getType() == type;
    }

    private void message(XMPPConnection from, ExtensionElement e) throws Exception {
        from.sendStanza(from.getStanzaFactory()
                .buildMessageStanza()
                .to(w.thingConn.getUser())
                .addExtension(e)
                .build());
    }

    private static Condition condition(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> get(f));
        assertThat(t).isInstanceOf(ExecutionException.class);
        Throwable cause = t.getCause();
        assertThat(cause).isInstanceOf(IotErrorException.class);
        return ((IotErrorException) cause).condition();
    }

    @Test
    void aSubscriptionRequestIsDecidedByTheServer() throws Exception {
        w = new Wire();
        w.claimed();
        String stranger = bare(w.strangerConn).toString();
        subscribe(w.strangerConn, w.thingConn);
        assertThat(w.nextThingEvent()).isEqualTo("rejected " + stranger);
        assertThat(w.strangerConn.await(s -> presence(s, Presence.Type.unsubscribed), Wire.WAIT))
                .isNotNull();

        w.command(
                w.ownerConn,
                OwnerCommands.FRIENDSHIP,
                Map.of(OwnerCommands.FIELD_THING, w.thingJid(), OwnerCommands.FIELD_JID, stranger));
        w.nextAck();
        w.awaitThingEvents("befriending " + stranger, "cleared by " + w.provConn.getUser());
        w.strangerConn.await(s -> presence(s, Presence.Type.subscribe), Wire.WAIT);
        subscribe(w.strangerConn, w.thingConn);
        assertThat(w.nextThingEvent()).isEqualTo("accepted " + stranger);
        assertThat(w.strangerConn.await(s -> presence(s, Presence.Type.subscribed), Wire.WAIT))
                .isNotNull();
        assertThat(w.strangerConn.await(s -> presence(s, Presence.Type.subscribe), Wire.WAIT))
                .as("the Thing subscribes back")
                .isNotNull();
    }

    @Test
    void withSecondaryTrustTheLocalApproverDecidesWhatTheServerRejects() throws Exception {
        w = new Wire();
        w.thing.update(b -> b.localApprover(jid -> CompletableFuture.completedFuture(true)));
        w.claimed();
        String stranger = bare(w.strangerConn).toString();
        subscribe(w.strangerConn, w.thingConn);
        assertThat(w.nextThingEvent()).as("no secondary trust").isEqualTo("rejected " + stranger);

        w.command(w.ownerConn, OwnerCommands.SECONDARY_TRUST, Map.of(OwnerCommands.FIELD_THING, w.thingJid()));
        w.nextAck();
        assertThat(w.nextThingEvent()).isEqualTo("cleared by " + w.provConn.getUser());
        subscribe(w.strangerConn, w.thingConn);
        assertThat(w.nextThingEvent()).isEqualTo("accepted " + stranger);
        assertThat(w.thing.isSecondaryTrustAllowed()).isTrue();

        w.thing.update(b -> b.localApprover(jid -> CompletableFuture.failedFuture(new IllegalStateException("x"))));
        subscribe(w.strangerConn, w.thingConn);
        assertThat(w.nextThingEvent()).as("a failing approver refuses").isEqualTo("rejected " + stranger);
        assertThat(get(w.thing.trust(JidCreate.from("other.example.org")))).isNull();
        assertThat(w.thing.servers()).containsExactly(w.serverJid(), JidCreate.from("other.example.org"));
    }

    @Test
    void ordersFromUntrustedSendersAreRefusedOrIgnored() throws Exception {
        w = new Wire();
        w.trustAndMeet();
        Jid stranger = w.strangerConn.getUser();
        ClearCache clear = new ClearCache();
        clear.setTo(w.thingConn.getUser());
        assertThat(condition(Iqs.request(w.strangerConn, clear, IQ.class))).isEqualTo(Condition.forbidden);
        assertThat(w.nextThingEvent()).isEqualTo("ignored clearCache from " + stranger);
        message(w.strangerConn, new Friend(JidCreate.from("x@example.org")));
        assertThat(w.nextThingEvent()).isEqualTo("ignored friend from " + stranger);
        message(w.strangerConn, new Unfriend(JidCreate.from("x@example.org")));
        assertThat(w.nextThingEvent()).isEqualTo("ignored unfriend from " + stranger);

        TokenChallenge challenge = new TokenChallenge("NEVER-SENT", new byte[] {1, 2});
        challenge.setTo(w.thingConn.getUser());
        assertThat(condition(Iqs.request(w.strangerConn, challenge, TokenChallengeResponse.class)))
                .as("a token never sent to the challenger")
                .isEqualTo(Condition.forbidden);

        ClearCache trusted = new ClearCache();
        trusted.setTo(w.thingConn.getUser());
        assertThat(get(Iqs.request(w.provConn, trusted, IQ.class))).isNotNull();
        assertThat(w.nextThingEvent()).isEqualTo("cleared by " + w.provConn.getUser());
        message(w.provConn, new Unfriend(JidCreate.from("x@example.org")));
        assertThat(w.nextThingEvent()).isEqualTo("unfriended x@example.org");
    }

    @Test
    void aTokenIsUsedOnlyOnceItsHolderProvedIt() throws Exception {
        w = new Wire();
        w.claimed();
        ProvisioningClient holder = ProvisioningClient.getInstanceFor(w.strangerConn);
        Wire.available(w.provConn, w.strangerConn);
        try {
            String token = get(holder.requestToken(w.serverJid(), identity));
            assertThat(token).isNotBlank();
            assertThat(holder.identity()).contains(identity);
            assertThat(w.store.tokenHolder(token)).contains(bare(w.strangerConn).toString());
            w.command(
                    w.ownerConn,
                    OwnerCommands.READ_RULE,
                    Map.of(OwnerCommands.FIELD_THING, w.thingJid(), OwnerCommands.FIELD_PRINCIPAL, "token:" + token));
            w.nextAck();
            Tokens tokens = new Tokens(List.of(), List.of(token), List.of());
            ProvisioningAccessPolicy policy = w.thing.accessPolicy();
            holder.tokenSent(token, w.thingConn.getUser());
            AccessRequest proven =
                    AccessRequest.read(w.strangerConn.getUser(), tokens, List.of(), Set.of("B"), Set.of());
            assertThat(get(policy.decide(proven))).isEqualTo(AccessDecision.allowAll());
            AccessRequest borrowed =
                    AccessRequest.read(w.extraPeer("mallory").getUser(), tokens, List.of(), Set.of("A"), Set.of());
            assertThat(get(policy.decide(borrowed)).allowed())
                    .as("forwarded by an account that cannot answer the challenge")
                    .isFalse();
            AccessRequest without =
                    AccessRequest.read(w.strangerConn.getUser(), Tokens.NONE, List.of(), Set.of("C"), Set.of());
            assertThat(get(policy.decide(without)).allowed()).isFalse();
        } finally {
            holder.close();
        }
    }

    @Test
    void tokenRequestsWithBadCertificatesOrAnswersAreRefused() throws Exception {
        w = new Wire();
        GetToken bad = new GetToken(new byte[] {1, 2, 3});
        bad.setTo(w.provConn.getUser());
        assertThat(condition(Iqs.request(w.strangerConn, bad, IQ.class))).isEqualTo(Condition.bad_request);
        GetTokenChallengeResponse unknown = new GetTokenChallengeResponse(12345, new byte[] {1});
        unknown.setTo(w.provConn.getUser());
        unknown.setType(IQ.Type.set);
        assertThat(condition(Iqs.request(w.strangerConn, unknown, IQ.class))).isEqualTo(Condition.item_not_found);
        GetToken good = new GetToken(identity.certificate().getEncoded());
        good.setTo(w.provConn.getUser());
        io.github.xmppiot.provisioning.element.GetTokenChallenge challenge =
                get(Iqs.request(w.strangerConn, good, io.github.xmppiot.provisioning.element.GetTokenChallenge.class));
        GetTokenChallengeResponse wrong = new GetTokenChallengeResponse(challenge.seqnr(), new byte[] {9, 9});
        wrong.setTo(w.provConn.getUser());
        assertThat(condition(Iqs.request(w.strangerConn, wrong, IQ.class))).isEqualTo(Condition.bad_request);
    }

    @Test
    void aServiceChecksAccessAndPrivilegesOfItsUsers() throws Exception {
        w = new Wire();
        w.trustAndMeet();
        ProvisioningClient tokens = ProvisioningClient.getInstanceFor(w.strangerConn);
        ProvisioningServiceClient svc = ProvisioningServiceClient.getInstanceFor(w.strangerConn);
        Wire.available(w.provConn, w.strangerConn);
        try {
            String serviceToken = get(tokens.requestToken(w.serverJid(), identity));
            String service = bare(w.strangerConn).toString();
            w.command(w.strangerConn, OwnerCommands.CLAIM_KEY, Map.of(OwnerCommands.FIELD_KEY, "SVC"));
            w.command(
                    w.ownerConn,
                    OwnerCommands.CLAIM,
                    Map.of(OwnerCommands.FIELD_THING, service, OwnerCommands.FIELD_KEY, "SVC"));
            w.command(
                    w.ownerConn,
                    OwnerCommands.PRIVILEGES,
                    Map.of(
                            OwnerCommands.FIELD_THING,
                            service,
                            OwnerCommands.FIELD_USER,
                            "Kermit",
                            OwnerCommands.FIELD_PRIVILEGES,
                            List.of("-Sensors.Delete", "+Sensors")));
            w.command(
                    w.ownerConn,
                    OwnerCommands.PRIVILEGES,
                    Map.of(OwnerCommands.FIELD_THING, service, OwnerCommands.FIELD_PRIVILEGES, List.of("+Public")));
            List<io.github.xmppiot.provisioning.element.Credential> kermit =
                    List.of(new io.github.xmppiot.provisioning.element.Credential(
                            io.github.xmppiot.provisioning.element.CredentialType.USER_NAME, "Kermit"));
            assertThat(get(svc.canAccess(w.serverJid(), serviceToken, kermit)))
                    .as("no access rule: nobody")
                    .isEqualTo(new ProvisioningServiceClient.Access(false, java.util.Optional.empty()));
            w.command(
                    w.ownerConn,
                    OwnerCommands.ACCESS_RULE,
                    Map.of(
                            OwnerCommands.FIELD_THING,
                            service,
                            OwnerCommands.FIELD_CREDENTIALS,
                            List.of("userName=Kermit")));
            assertThat(get(svc.canAccess(w.serverJid(), "FORGED", kermit)).granted())
                    .isFalse();
            ProvisioningServiceClient.Access access =
                    get(svc.canAccess(w.serverJid(), "FORGED " + serviceToken, kermit));
            assertThat(access.granted()).isTrue();
            String userToken = access.userToken().orElseThrow();

            assertThat(get(svc.hasPrivilege(w.serverJid(), serviceToken, userToken, "Public.Read")))
                    .isTrue();
            assertThat(get(svc.hasPrivilege(w.serverJid(), serviceToken, userToken, "Sensors.View")))
                    .isFalse();
            assertThat(get(svc.hasPrivilege(w.serverJid(), "FORGED", userToken, "Public.Read")))
                    .as("an unknown service has no privileges")
                    .isFalse();
            CompletableFuture<String> loggedIn = new CompletableFuture<>();
            w.server.addListener(new ServerListener() {
                @Override
                public void userLoggedIn(String s, String userName) {
                    loggedIn.complete(s + " " + userName);
                }
            });
            get(svc.userLoggedIn(w.serverJid(), serviceToken, userToken, "Kermit"));
            assertThat(get(loggedIn)).isEqualTo(service + " Kermit");
            assertThat(get(svc.hasPrivilege(w.serverJid(), serviceToken, userToken, "Sensors.View")))
                    .isTrue();
            assertThat(get(svc.hasPrivilege(w.serverJid(), serviceToken, userToken, "Sensors.Delete")))
                    .isFalse();
            PrivilegeSet all = get(svc.downloadPrivileges(w.serverJid(), serviceToken, userToken));
            assertThat(all.isGranted("Sensors.Edit")).isTrue();
            assertThat(all.isGranted("Sensors.Delete")).isFalse();
            assertThat(get(svc.downloadPrivileges(w.serverJid(), "FORGED", userToken))
                            .rules())
                    .isEmpty();
        } finally {
            svc.close();
            tokens.close();
        }
    }

    @Test
    void theAccessPolicyAsksOnlyWhatItMayAndCachesAnswers() throws Exception {
        w = new Wire();
        ProvisioningAccessPolicy policy = w.thing.accessPolicy();
        AccessRequest read =
                AccessRequest.read(w.strangerConn.getUser(), Tokens.NONE, List.of(), Set.of("A"), Set.of());
        w.thing.update(b -> b.fallback(r -> CompletableFuture.completedFuture(AccessDecision.deny())));
        assertThat(get(policy.decide(read)).allowed())
                .as("no server: the fallback")
                .isFalse();
        w.thing.update(b -> b.fallback(AccessPolicy.allowEveryone()));
        assertThat(get(policy.decide(read)).allowed())
                .as("no server: the fallback")
                .isTrue();
        AccessRequest own = AccessRequest.control(w.thingConn.getUser(), Tokens.NONE, List.of(), Set.of("X"));
        w.claimed();
        assertThat(get(policy.decide(own))).as("the Thing's own account").isEqualTo(AccessDecision.allowAll());

        w.thing.update(b -> b.strangerQueries(ProvisioningAccessPolicy.StrangerQueries.NONE));
        int sent = canReadsSent();
        assertThat(get(policy.decide(read)).allowed()).isFalse();
        w.thing.update(b -> b.strangerQueries(ProvisioningAccessPolicy.StrangerQueries.WITH_TOKENS));
        assertThat(get(policy.decide(read)).allowed()).isFalse();
        assertThat(canReadsSent()).as("strangers were not asked about").isEqualTo(sent);

        w.thing.update(b -> b.strangerQueries(ProvisioningAccessPolicy.StrangerQueries.ALL));
        w.command(
                w.ownerConn,
                OwnerCommands.READ_RULE,
                Map.of(
                        OwnerCommands.FIELD_THING,
                        w.thingJid(),
                        OwnerCommands.FIELD_PRINCIPAL,
                        bare(w.strangerConn).toString()));
        w.nextAck();
        assertThat(get(policy.decide(read)).allowed()).isTrue();
        int asked = canReadsSent();
        assertThat(asked).isEqualTo(sent + 1);
        assertThat(get(policy.decide(read)).allowed()).isTrue();
        assertThat(canReadsSent()).as("the second answer came from the cache").isEqualTo(asked);
        assertThat(w.thing.cache().get(read)).contains(AccessDecision.allowAll());
        w.thing.clearCache(w.serverJid());
        assertThat(w.thing.cache().get(read)).isEmpty();
    }

    private int canReadsSent() {
        return (int)
                w.thingConn.sent().stream().filter(x -> x.contains("<canRead")).count();
    }

    @Test
    void clientAndServerAreOnePerConnectionAndCloseCleanly() throws Exception {
        w = new Wire();
        assertThat(ProvisioningClient.getInstanceFor(w.thingConn)).isSameAs(w.thing);
        assertThatThrownBy(() -> ProvisioningServer.start(w.provConn, w.store))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.provConn).includesFeature(ProvisioningIq.NAMESPACE))
                .isTrue();
        assertThat(w.thing.isTrusted(null)).isFalse();
        Jid component = JidCreate.from("prov.example.org");
        assertThat(get(w.thing.trust(component))).isNull();
        assertThat(w.thing.isTrusted(JidCreate.from("prov.example.org/x"))).isTrue();
        assertThat(w.nextThingEvent()).isEqualTo("cleared by " + component);
        assertThatThrownBy(() -> w.thing.trustAll(List.of(w.serverJid()))).isInstanceOf(IllegalStateException.class);
        assertThat(w.server.settings().options().askedPerThing()).isPositive();
        w.server.update(b -> b.options(io.github.xmppiot.provisioning.server.ServerOptions.builder()
                .askedPerThing(3)
                .build()));
        assertThat(w.server.settings().options().askedPerThing()).isEqualTo(3);

        w.thing.close();
        ProvisioningClient fresh = ProvisioningClient.getInstanceFor(w.thingConn);
        assertThat(fresh).isNotSameAs(w.thing);
        assertThat(fresh.servers()).isEmpty();
        assertThatThrownBy(() -> w.thing.update(b -> b)).isInstanceOf(IllegalStateException.class);
        fresh.close();

        w.server.close();
        assertThat(ServiceDiscoveryManager.getInstanceFor(w.provConn).includesFeature(ProvisioningIq.NAMESPACE))
                .isFalse();
        assertThatThrownBy(() -> w.server.update(b -> b)).isInstanceOf(IllegalStateException.class);
        ProvisioningServer again = ProvisioningServer.start(w.provConn, w.store);
        again.close();
    }

    @Test
    void trustAllAsksEveryServerAndTheMostForgivingAnswerWins() throws Exception {
        w = new Wire();
        CompletableFuture<Void> both = w.thing.trustAll(List.of(w.serverJid(), bare(w.ownerConn)));
        Wire.available(w.provConn, w.thingConn);
        Wire.available(w.ownerConn, w.thingConn);
        assertThat(get(both)).isNull();
        assertThat(w.thing.servers()).containsExactly(w.serverJid(), bare(w.ownerConn));
        assertThat(get(w.thing.isFriend(bare(w.strangerConn))))
                .as("the owner's account answers no provisioning request: counted as no")
                .isFalse();
        assertThat(w.thing.secondaryTrust().allowedBy(w.serverJid())).contains(false);
        assertThat(w.thing.secondaryTrust().allowedBy(bare(w.ownerConn))).isEmpty();
        assertThat(w.thing.isSecondaryTrustAllowed()).isFalse();
    }
}
