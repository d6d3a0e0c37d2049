package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.concurrent.Work;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jxmpp.jid.Jid;

/**
 * Proof of possession of the tokens in {@code canRead} and {@code canControl} (XEP-0324 §3.1.3.2): a token counts
 * for a requester only after the party that sent the request answered a {@code tokenChallenge} for it (relayed by
 * the Thing to the requester, who holds the private key). Tokens not issued here, expired or revoked never count and
 * are not challenged. A proof is believed for {@link ServerOptions#tokenProofLifetime()}, a failed proof for
 * {@link #FAILED_PROOF_LIFETIME} (so that a stranger cannot make the server challenge again and again); at most
 * {@link ServerOptions#tokenProofCacheSize()} proofs are kept, the least recently used going first.
 */
final class TokenProofs {

    /** How long a failed proof is remembered. */
    static final Duration FAILED_PROOF_LIFETIME = Duration.ofMinutes(1);
    /** At most this many tokens of one request are challenged; the rest do not count. */
    static final int MAX_CHALLENGED_PER_REQUEST = 16;

    private record Proof(boolean proven, Instant until) {}

    private final ProvisioningStore store;
    private final BiFunction<Jid, String, CompletableFuture<Boolean>> challenge;
    private final Supplier<Executor> work;
    private final Clock clock;
    private final Supplier<ServerOptions> options;
    private final Map<String, Proof> proofs;

    TokenProofs(
            ProvisioningStore store,
            BiFunction<Jid, String, CompletableFuture<Boolean>> challenge,
            Supplier<Executor> work,
            Clock clock,
            Supplier<ServerOptions> options) {
        this.store = store;
        this.challenge = challenge;
        this.work = work;
        this.clock = clock;
        this.options = options;
        this.proofs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Proof> eldest) {
                return size() > options.get().tokenProofCacheSize();
            }
        };
    }

    /**
     * The tokens of a request that {@code requester} has proven to hold, challenging through {@code sender} (the
     * Thing, which relays) where no proof is remembered. Runs store work on the executor; never blocks it.
     *
     * @param sender    the full JID that sent the request (the Thing)
     * @param requester the bare JID the request is about
     * @param tokens    the forwarded tokens
     * @return the proven tokens
     */
    CompletableFuture<Tokens> proven(Jid sender, String requester, Tokens tokens) {
        if (tokens.isEmpty()) {
            return CompletableFuture.completedFuture(Tokens.NONE);
        }
        return Work.supply(work.get(), () -> candidates(tokens)).thenCompose(candidates -> {
            Map<String, CompletableFuture<Boolean>> checks = new LinkedHashMap<>();
            for (String t : candidates) {
                Boolean known = remembered(t, requester);
                checks.put(
                        t,
                        known != null
                                ? CompletableFuture.completedFuture(known)
                                : challenge
                                        .apply(sender, t)
                                        .exceptionally(e -> false)
                                        .thenApply(ok -> remember(t, requester, ok)));
            }
            return CompletableFuture.allOf(checks.values().toArray(CompletableFuture[]::new))
                    .thenApply(v -> {
                        List<String> ok = checks.entrySet().stream()
                                .filter(e -> e.getValue().join())
                                .map(Map.Entry::getKey)
                                .toList();
                        return new Tokens(
                                keep(tokens.serviceTokens(), ok),
                                keep(tokens.deviceTokens(), ok),
                                keep(tokens.userTokens(), ok));
                    });
        });
    }

    /** Tokens issued here and still valid, at most {@link #MAX_CHALLENGED_PER_REQUEST}, without duplicates. */
    private List<String> candidates(Tokens tokens) {
        List<String> out = new ArrayList<>();
        try {
            for (List<String> kind : List.of(tokens.serviceTokens(), tokens.deviceTokens(), tokens.userTokens())) {
                for (String t : kind) {
                    if (out.size() < MAX_CHALLENGED_PER_REQUEST
                            && !out.contains(t)
                            && store.tokenCertificate(t).isPresent()) {
                        out.add(t);
                    }
                }
            }
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
        return out;
    }

    private synchronized Boolean remembered(String token, String requester) {
        Proof p = proofs.get(token + ' ' + requester);
        if (p == null || !p.until().isAfter(clock.instant())) {
            return null;
        }
        return p.proven();
    }

    private synchronized boolean remember(String token, String requester, boolean ok) {
        Duration lifetime = ok ? options.get().tokenProofLifetime() : FAILED_PROOF_LIFETIME;
        proofs.put(token + ' ' + requester, new Proof(ok, clock.instant().plus(lifetime)));
        return ok;
    }

    private static List<String> keep(List<String> kind, List<String> ok) {
        return kind.stream().filter(ok::contains).distinct().toList();
    }
}
