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

/**
 * The token issuance of XEP-0324 §3.1.3.1: a random block encrypted with the certificate's public key, kept under a
 * sequence number for at least one minute (here {@value #KEEP_MINUTES} minutes); a correct answer earns a token
 * without white space.
 */
final class TokenIssuer {

    static final int KEEP_MINUTES = 2;

    /** A challenge in flight. */
    record Pending(String requester, byte[] certificate, byte[] plain, Instant created) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger seqnr = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenIssuer(Clock clock) {
        this.clock = clock;
    }

    /** Creates a challenge; returns its seqnr and the encrypted block. */
    Map.Entry<Integer, byte[]> challenge(String requester, byte[] certificateDer) throws GeneralSecurityException {
        X509Certificate cert = TokenCrypto.certificate(certificateDer);
        byte[] plain = randomBytes(TokenCrypto.CHALLENGE_SIZE);
        byte[] encrypted = TokenCrypto.encrypt(cert.getPublicKey(), plain);
        purge();
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
