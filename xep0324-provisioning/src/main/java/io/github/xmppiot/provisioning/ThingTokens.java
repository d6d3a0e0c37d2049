package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.provisioning.internal.SentTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

/**
 * The tokens of a provisioned Thing (XEP-0324 §3.1.3): those it obtained (with the identity behind each, to answer
 * {@code tokenChallenge}s for them) and the log of tokens it sent or forwarded in the last minute (§6.2).
 */
final class ThingTokens {

    private final SentTokens sent = new SentTokens(Clock.systemUTC());
    private final Map<String, DeviceIdentity> own = new ConcurrentHashMap<>();
    private volatile DeviceIdentity identity;

    CompletableFuture<String> request(XMPPConnection connection, Jid to, DeviceIdentity id) {
        return TokenRequest.obtain(connection, to, id).thenApply(token -> {
            this.identity = id;
            own.put(token, id);
            return token;
        });
    }

    /** The SDK's clients announce the tokens they send: ours among them are recorded (§3.1.3.2). */
    void ownTokensSending(Tokens tokens, Jid to) {
        List<String> mine = new ArrayList<>();
        for (List<String> kind : List.of(tokens.serviceTokens(), tokens.deviceTokens(), tokens.userTokens())) {
            kind.stream().filter(own::containsKey).forEach(mine::add);
        }
        sent.recordAll(mine, to, t -> null);
    }

    /** Our own sending of a token (§3.1.3.2); refused, like any sending, while another party's forward holds it. */
    void sent(String token, Jid to) {
        sent.record(token, to, null);
    }

    /**
     * Records the forwarding of a request's tokens to {@code to} on behalf of {@code origin} and returns those that may
     * be forwarded (§3.1.3.2, §6.2). Left out: the Thing's own tokens (it never vouches for them on another's behalf: a
     * challenge would be answered with its own key), and tokens {@link SentTokens} refuses because another party's
     * sending of them to {@code to} may still be challenged (or the log is full). The request is then judged as if they
     * had not been presented. Call {@link #answered} with the result when {@code to} answered (or the request failed).
     *
     * @return the tokens to forward: equal to {@code tokens} unless some were left out
     */
    Tokens forward(Tokens tokens, Jid to, Jid origin) {
        List<String> all = new ArrayList<>();
        for (List<String> kind : List.of(tokens.serviceTokens(), tokens.deviceTokens(), tokens.userTokens())) {
            kind.stream().filter(t -> !own.containsKey(t)).forEach(all::add);
        }
        Set<String> refused = sent.forwardAll(all, to, origin);
        Predicate<String> keep = t -> all.contains(t) && !refused.contains(t);
        return new Tokens(
                tokens.serviceTokens().stream().filter(keep).toList(),
                tokens.deviceTokens().stream().filter(keep).toList(),
                tokens.userTokens().stream().filter(keep).toList());
    }

    /** {@code to} answered the request that {@link #forward} returned {@code forwarded} for (§3.1.3.2). */
    void answered(Tokens forwarded, Jid to, Jid origin) {
        List<String> all = new ArrayList<>(forwarded.serviceTokens());
        all.addAll(forwarded.deviceTokens());
        all.addAll(forwarded.userTokens());
        sent.answered(all, to, origin);
    }

    SentTokens log() {
        return sent;
    }

    Optional<DeviceIdentity> identityFor(String token) {
        return Optional.ofNullable(own.get(token));
    }

    Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }
}
