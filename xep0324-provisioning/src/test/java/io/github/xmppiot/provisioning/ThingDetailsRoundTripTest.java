package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.Wire.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Details of the Thing side over in-memory connections: token challenges to the Thing (XEP-0324 §3.1.3.2, §6.2),
 * trusting a server twice, and settings swapped while the client runs (a persistent cache remembers its servers).
 */
class ThingDetailsRoundTripTest {

    @TempDir
    static Path identities;

    @TempDir
    Path dir;

    private static DeviceIdentity identity;

    private Wire w;

    /** Made once per JVM (keytool takes seconds): mutation testing runs this class again for every mutant. */
    @BeforeAll
    static void identity() throws Exception {
        if (identity == null) {
            identity = TestIdentities.create(identities, "thing");
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private static Condition condition(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> get(f));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(IotErrorException.class);
        return ((IotErrorException) t.getCause()).condition();
    }

    private CompletableFuture<TokenChallengeResponse> challenge(String token, String base64) {
        TokenChallenge c = new TokenChallenge(token, base64);
        c.setTo(w.thingConn.getUser());
        return Iqs.request(w.strangerConn, c, TokenChallengeResponse.class);
    }

    @Test
    void theThingAnswersChallengesOnlyForItsOwnTokensSentToTheChallenger() throws Exception {
        w = new Wire();
        w.trustAndMeet();
        String token = get(w.thing.requestToken(w.serverJid(), identity));
        assertThat(w.thing.identity()).contains(identity);
        byte[] plain = {1, 2, 3, 4, 5, 6, 7, 8};
        String encrypted = java.util.Base64.getEncoder()
                .encodeToString(TokenCrypto.encrypt(identity.certificate().getPublicKey(), plain));
        assertThat(condition(challenge(token, encrypted)))
                .as("not sent to the challenger")
                .isEqualTo(Condition.forbidden);

        w.thing.tokenSent(token, w.strangerConn.getUser());
        assertThat(get(challenge(token, encrypted)).bytes()).isEqualTo(plain);
        assertThat(condition(challenge(token, "not base64!"))).isEqualTo(Condition.bad_request);
        assertThat(condition(challenge(token, "AQID")))
                .as("not encrypted for this key")
                .isEqualTo(Condition.bad_request);

        w.thing.tokenSent("FOREIGN", w.strangerConn.getUser());
        assertThat(condition(challenge("FOREIGN", encrypted)))
                .as("a token the Thing does not hold and did not forward")
                .isEqualTo(Condition.forbidden);
    }

    @Test
    void theSdkClientsAnnounceTheTokensTheySend() throws Exception {
        w = new Wire();
        w.trustAndMeet();
        String token = get(w.thing.requestToken(w.serverJid(), identity));
        byte[] plain = {9, 8, 7};
        String encrypted = java.util.Base64.getEncoder()
                .encodeToString(TokenCrypto.encrypt(identity.certificate().getPublicKey(), plain));
        io.github.xmppiot.core.TokensSent.announce(
                w.thingConn, new Tokens(List.of("OTHER"), List.of(token), List.of()), w.strangerConn.getUser());
        assertThat(get(challenge(token, encrypted)).bytes()).isEqualTo(plain);
        assertThat(condition(challenge("OTHER", encrypted)))
                .as("only the Thing's own tokens are recorded")
                .isEqualTo(Condition.forbidden);
    }

    @Test
    void trustingAServerAgainNeitherWaitsNorClearsTheCache() throws Exception {
        w = new Wire();
        w.trustAndMeet();
        AccessRequest read =
                AccessRequest.read(w.strangerConn.getUser(), Tokens.NONE, List.of(), Set.of("A"), Set.of());
        w.thing.cache().put(read, AccessDecision.allowAll());
        assertThat(w.thing.trust(w.serverJid()).get(Wire.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isNull();
        assertThat(w.thing.servers()).containsExactly(w.serverJid());
        assertThat(w.thing.cache().get(read)).contains(AccessDecision.allowAll());
        assertThat(w.thingEvents).isEmpty();
    }

    @Test
    void aPersistentCacheRemembersItsServersAcrossClients() throws Exception {
        w = new Wire();
        DecisionCacheSettings file = DecisionCacheSettings.builder()
                .file(dir.resolve("cache"))
                .maxEntries(10)
                .build();
        w.thing.update(b -> b.cache(file));
        assertThat(w.thing.cache().persistent()).isTrue();
        w.trustAndMeet();
        AccessRequest read =
                AccessRequest.read(w.strangerConn.getUser(), Tokens.NONE, List.of(), Set.of("A"), Set.of());
        w.thing.cache().put(read, AccessDecision.deny());
        w.thing.update(b -> b.cache(file.toBuilder().maxEntries(20).build()));
        assertThat(w.thing.cache().settings().maxEntries()).isEqualTo(20);
        assertThat(w.thing.cache().get(read)).as("the same file, reopened").contains(AccessDecision.deny());
        w.thing.close();

        ProvisioningClient again = ProvisioningClient.getInstanceFor(w.thingConn);
        try {
            again.update(b -> b.cache(file));
            assertThat(again.servers()).as("trusted again from the cache").containsExactly(w.serverJid());
            assertThat(again.isTrusted(w.provConn.getUser())).isTrue();
            assertThat(again.cache().get(read)).contains(AccessDecision.deny());
            IotExecutors own = IotExecutors.builder().name("thing-test").build();
            again.update(b -> b.executors(own));
            assertThat(again.settings().executors()).isSameAs(own);
            assertThat(own.activeLeases()).isEqualTo(1);
            again.update(b -> b.cache(DecisionCacheSettings.DEFAULTS));
            assertThat(again.cache().persistent()).isFalse();
            assertThat(again.cache().get(read)).isEmpty();
            again.close();
            assertThat(own.activeLeases()).isZero();
        } finally {
            again.close();
        }
    }
}
