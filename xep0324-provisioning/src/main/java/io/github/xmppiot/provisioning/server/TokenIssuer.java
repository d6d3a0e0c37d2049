package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.provisioning.internal.TokenCrypto;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The token issuance of XEP-0324 §3.1.3.1: a random block encrypted with the certificate's public key, kept under a
 * sequence number for at least one minute (here {@value #KEEP_MINUTES} minutes); a correct answer earns a token
 * without white space. Open challenges are bounded per requester and in total ({@link ServerOptions}).
 */
final class TokenIssuer {

    static final int KEEP_MINUTES = 2;

    /** A challenge in flight. */
    record Pending(String requester, byte[] certificate, byte[] plain, Instant created) {}

    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger seqnr = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Supplier<ServerOptions> options;

    /** Too many challenges are open: of this requester, or in total. */
    static final class TooManyChallenges extends Exception {
        private static final long serialVersionUID = 1L;

        TooManyChallenges(String message) {
            super(message);
        }
    }

    TokenIssuer(Clock clock, Supplier<ServerOptions> options) {
        this.clock = clock;
        this.options = options;
    }

    /**
     * Creates a challenge; returns its seqnr and the encrypted block. At most {@code perRequester} challenges of one
     * bare JID and {@code total} in all are kept open (each holds the caller's certificate for
     * {@value #KEEP_MINUTES} minutes).
     */
    synchronized Map.Entry<Integer, byte[]> challenge(String requester, byte[] certificateDer)
            throws GeneralSecurityException, TooManyChallenges {
        purge();
        ServerOptions bounds = options.get();
        int total = bounds.pendingChallengesTotal();
        int perRequester = bounds.pendingChallengesPerJid();
        if (pending.size() >= total) {
            throw new TooManyChallenges("too many open token challenges; try again in " + KEEP_MINUTES + " minutes");
        }
        if (pending.values().stream()
                        .filter(p -> p.requester().equals(requester))
                        .count()
                >= perRequester) {
            throw new TooManyChallenges("at most " + perRequester + " open token challenges per account; answer them"
                    + " or try again in " + KEEP_MINUTES + " minutes");
        }
        X509Certificate cert = TokenCrypto.certificate(certificateDer);
        byte[] plain = randomBytes(TokenCrypto.CHALLENGE_SIZE);
        byte[] encrypted = TokenCrypto.encrypt(cert.getPublicKey(), plain);
        int n = seqnr.incrementAndGet();
        pending.put(n, new Pending(requester, certificateDer, plain, clock.instant()));
        return Map.entry(n, encrypted);
    }

    /** The pending challenge {@code seqnr} of {@code requester}, removed; empty if unknown or expired. */
    Optional<Pending> take(int n, String requester) {
        purge();
        Pending p = pending.get(n);
        if (p == null || !p.requester().equals(requester)) {
            return Optional.empty();
        }
        pending.remove(n);
        return Optional.of(p);
    }

    /** Whether an answer matches, in constant time. */
    static boolean matches(Pending p, byte[] answer) {
        return MessageDigest.isEqual(p.plain(), answer);
    }

    /** A new token: URL-safe base64 of random bytes, never white space (§3.1.3.1). */
    String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private void purge() {
        Instant limit = clock.instant().minus(Duration.ofMinutes(KEEP_MINUTES));
        pending.values().removeIf(p -> p.created().isBefore(limit));
    }
}
