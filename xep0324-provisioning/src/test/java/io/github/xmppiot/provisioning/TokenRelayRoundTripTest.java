package io.github.xmppiot.provisioning;

import static io.github.xmppiot.provisioning.Wire.bare;
import static io.github.xmppiot.provisioning.Wire.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.provisioning.element.CanRead;
import io.github.xmppiot.provisioning.element.CanReadResponse;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import io.github.xmppiot.testkit.StanzaLink;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Thing's relay of {@code tokenChallenge}s (XEP-0324 §3.1.3.2, §6.2) over in-memory connections. A peer
 * ({@code gate}) plays the provisioning server by hand, so that the test decides when it challenges; the real server of
 * the {@link Wire} only issues the token. The challenge names the token, not the requester: while the Thing's forward
 * of a token for one party awaits its challenge, another party's use of the same token must not redirect it.
 */
class TokenRelayRoundTripTest {

    @TempDir
    static Path dir;

    private static DeviceIdentity identity;

    private Wire w;
    private StanzaLink.Peer gate;
    private StanzaLink.Peer mallory;

    /** Made once per JVM (keytool takes seconds): mutation testing runs this class again for every mutant. */
    @BeforeAll
    static void identities() throws Exception {
        if (identity == null) {
            identity = TestIdentities.create(dir, "holder");
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        w = new Wire();
        gate = w.extraPeer("gate");
        // the test answers the forwarded requests itself, when it wants (Smack would refuse them at once)
        gate.setUnknownIqRequestReplyMode(SmackConfiguration.UnknownIqRequestReplyMode.doNotReply);
        mallory = w.extraPeer("mallory");
        CompletableFuture<Void> trusted = w.thing.trust(bare(gate));
        Wire.available(gate, w.thingConn);
        get(trusted);
    }

    @AfterEach
    void tearDown() throws Exception {
        w.close();
    }

    /** The holder (the stranger peer) obtains a token from the real server and "sends" it to the Thing. */
    private String holdersToken(ProvisioningClient holder) throws Exception {
        Wire.available(w.provConn, w.strangerConn);
        String token = get(holder.requestToken(w.serverJid(), identity));
        holder.tokenSent(token, w.thingConn.getUser());
        return token;
    }

    private static Tokens deviceToken(String token) {
        return new Tokens(List.of(), List.of(token), List.of());
    }

    private CompletableFuture<?> read(StanzaLink.Peer requester, String token, String field) {
        return w.thing
                .accessPolicy()
                .decide(AccessRequest.read(requester.getUser(), deviceToken(token), List.of(), Set.of(field), Set.of()))
                .toCompletableFuture();
    }

    /** The server's refusal of a forwarded request. */
    private void deny(CanRead request) throws Exception {
        gate.sendStanza(IotIqRequestHandler.resultFor(
                request, new CanReadResponse(request.jid(), false, request.fieldTypes(), List.of(), List.of())));
    }

    private CanRead forwarded() throws InterruptedException {
        return (CanRead) gate.await(s -> s instanceof CanRead, Wire.WAIT);
    }

    /** What the Thing answers when the server challenges {@code token}: the decrypted block, or an error. */
    private Object challenge(String token, byte[] plain) throws Exception {
        TokenChallenge c = new TokenChallenge(
                token, TokenCrypto.encrypt(identity.certificate().getPublicKey(), plain));
        c.setTo(w.thingConn.getUser());
        CompletableFuture<TokenChallengeResponse> answer = Iqs.request(gate, c, TokenChallengeResponse.class);
        Throwable t = catchThrowable(() -> get(answer));
        if (t == null) {
            return "decrypted " + HexFormat.of().formatHex(answer.join().bytes());
        }
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(IotErrorException.class);
        return ((IotErrorException) t.getCause()).condition();
    }

    private static String decrypted(byte[] plain) {
        return "decrypted " + HexFormat.of().formatHex(plain);
    }

    private static byte[] random() {
        byte[] b = new byte[TokenCrypto.CHALLENGE_SIZE];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static boolean challengeFor(Stanza s, String token) {
        return s instanceof TokenChallenge c && c.token().equals(token);
    }

    @Test
    void aLaterUseOfTheSameTokenCannotRedirectAPendingChallenge() throws Exception {
        ProvisioningClient holder = ProvisioningClient.getInstanceFor(w.strangerConn);
        try {
            String token = holdersToken(holder);
            read(mallory, token, "A");
            assertThat(forwarded().tokens().deviceTokens())
                    .as("the impostor's request is forwarded with the token it presented")
                    .containsExactly(token);
            read(w.strangerConn, token, "B");
            CanRead second = forwarded();

            byte[] plain = random();
            assertThat(challenge(token, plain))
                    .as("the challenge of the impostor's request is not answered with the holder's key")
                    .isNotEqualTo(decrypted(plain))
                    .isInstanceOf(Condition.class);
            assertThat(second.tokens().deviceTokens())
                    .as("the holder's request, while the impostor's forward awaits its challenge, goes without it")
                    .isEmpty();
            assertThat(mallory.await(s -> challengeFor(s, token), Wire.WAIT))
                    .as("relayed to the impostor, who sent the token first")
                    .isNotNull();
        } finally {
            holder.close();
        }
    }

    @Test
    void theSamePartyMayUseItsTokenAgainAndItsChallengeIsRelayedToIt() throws Exception {
        ProvisioningClient holder = ProvisioningClient.getInstanceFor(w.strangerConn);
        try {
            String token = holdersToken(holder);
            read(w.strangerConn, token, "A");
            assertThat(forwarded().tokens().deviceTokens()).containsExactly(token);
            read(w.strangerConn, token, "B");
            assertThat(forwarded().tokens().deviceTokens()).containsExactly(token);
            byte[] plain = random();
            assertThat(challenge(token, plain)).isEqualTo(decrypted(plain));

            read(mallory, token, "C");
            assertThat(forwarded().tokens().deviceTokens())
                    .as("another party within the holder's minute")
                    .isEmpty();
        } finally {
            holder.close();
        }
    }

    @Test
    void onceTheImpostorsRequestIsAnsweredTheHolderMayUseItsToken() throws Exception {
        ProvisioningClient holder = ProvisioningClient.getInstanceFor(w.strangerConn);
        try {
            String token = holdersToken(holder);
            CompletableFuture<?> impostor = read(mallory, token, "A");
            CanRead first = forwarded();
            assertThat(first.tokens().deviceTokens()).containsExactly(token);
            CompletableFuture<?> early = read(w.strangerConn, token, "B");
            CanRead reduced = forwarded();
            assertThat(reduced.tokens().deviceTokens()).isEmpty();
            deny(reduced);
            get(early);
            deny(first);
            get(impostor);

            read(w.strangerConn, token, "B");
            assertThat(forwarded().tokens().deviceTokens())
                    .as("asked again (the decision without the token was not cached), now with the token: the server"
                            + " answered the impostor's request, so its challenges are over")
                    .containsExactly(token);
            byte[] plain = random();
            assertThat(challenge(token, plain)).as("relayed to the holder").isEqualTo(decrypted(plain));
        } finally {
            holder.close();
        }
    }

    @Test
    void theThingsOwnTokenIsNeverForwardedForSomebodyElse() throws Exception {
        String own = get(w.thing.requestToken(w.provConn.getUser(), identity));
        read(mallory, own, "A");
        assertThat(forwarded().tokens().deviceTokens())
                .as("a requester presenting the Thing's own token")
                .isEmpty();
        assertThat(challenge(own, random()))
                .as("the Thing does not vouch for its own token on another's behalf")
                .isEqualTo(Condition.forbidden);
    }

    @Test
    void withTokensOnlyAStrangerWhoseTokensMayNotBeForwardedIsRefusedWithoutAsking() throws Exception {
        String own = get(w.thing.requestToken(w.provConn.getUser(), identity));
        w.thing.update(b -> b.strangerQueries(ProvisioningAccessPolicy.StrangerQueries.WITH_TOKENS));

        AccessDecision refused = (AccessDecision) get(read(mallory, own, "A"));

        assertThat(refused.allowed()).isFalse();
        assertThat(w.thing
                        .cache()
                        .get(AccessRequest.read(mallory.getUser(), deviceToken(own), List.of(), Set.of("A"), Set.of())))
                .as("not cached: the token was presented")
                .isEmpty();
        w.thing.update(b -> b.strangerQueries(ProvisioningAccessPolicy.StrangerQueries.ALL));
        read(mallory, own, "B");
        assertThat(forwarded().fields())
                .as("the first request the server sees: the refused one was never forwarded without its token")
                .containsExactly("B");
    }

    @Test
    void theThingsOwnPendingTokenCannotBeTakenOver() throws Exception {
        ProvisioningClient holder = ProvisioningClient.getInstanceFor(w.strangerConn);
        try {
            String token = holdersToken(holder);
            w.thing.tokenSent(token, gate.getUser());
            read(w.strangerConn, token, "A");
            assertThat(forwarded().tokens().deviceTokens())
                    .as("a token the Thing itself sent to the server within the minute")
                    .isEmpty();
            assertThat(challenge(token, random()))
                    .as("answered by the Thing, which does not hold this key: never relayed")
                    .isEqualTo(Condition.forbidden);
        } finally {
            holder.close();
        }
    }
}
