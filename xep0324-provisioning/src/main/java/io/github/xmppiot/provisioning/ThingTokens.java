package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.provisioning.internal.SentTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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

    void sent(String token, Jid to) {
        sent.record(token, to, null);
    }

    void forwarded(Tokens tokens, Jid to, Jid origin) {
        List<String> all = new ArrayList<>(tokens.serviceTokens());
        all.addAll(tokens.deviceTokens());
        all.addAll(tokens.userTokens());
        sent.recordAll(all, to, t -> own.containsKey(t) ? null : origin);
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
