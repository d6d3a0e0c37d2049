package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.provisioning.element.ClearCache;
import io.github.xmppiot.provisioning.element.ClearCacheResponse;
import io.github.xmppiot.provisioning.element.ProvisioningIq;
import io.github.xmppiot.provisioning.element.TokenChallenge;
import io.github.xmppiot.provisioning.element.TokenChallengeResponse;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.Jid;

/** The IQ requests a provisioned Thing answers: {@code clearCache} (§3.5.1) and {@code tokenChallenge} (§3.1.3.2). */
final class ThingHandlers {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ThingHandlers() {}

    /** Registers the handlers; returns them, to unregister. */
    static List<IQRequestHandler> register(XMPPConnection connection, ProvisioningClient client) {
        List<IQRequestHandler> handlers = List.of(
                new ClearCacheHandler(connection, client, IQ.Type.set),
                new ClearCacheHandler(connection, client, IQ.Type.get),
                new TokenChallengeHandler(connection, client));
        handlers.forEach(connection::registerIQRequestHandler);
        return handlers;
    }

    /** Clears the cache on request of a trusted server; anyone else gets {@code cancel/forbidden}. */
    private static final class ClearCacheHandler extends IotIqRequestHandler<ClearCache> {
        private final ProvisioningClient client;

        ClearCacheHandler(XMPPConnection connection, ProvisioningClient client, IQ.Type type) {
            super(connection, ClearCache.ELEMENT, ProvisioningIq.NAMESPACE, type, ClearCache.class, TIMEOUT);
            this.client = client;
        }

        @Override
        protected CompletionStage<? extends IQ> handle(ClearCache request) {
            if (!client.isTrusted(request.getFrom())) {
                client.listeners().forEach(l -> l.untrustedOrderIgnored(request.getFrom(), ClearCache.ELEMENT));
                return CompletableFuture.failedFuture(IotErrors.forbidden("not a trusted provisioning server"));
            }
            client.clearCache(request.getFrom());
            return CompletableFuture.completedFuture(resultFor(request, new ClearCacheResponse()));
        }
    }

    /**
     * Answers a token challenge only for a token sent to the challenger within the last minute (§6.2): our own token
     * is decrypted with its private key, a forwarded token's challenge is relayed to the party it came from.
     */
    private static final class TokenChallengeHandler extends IotIqRequestHandler<TokenChallenge> {
        private final ProvisioningClient client;

        TokenChallengeHandler(XMPPConnection connection, ProvisioningClient client) {
            super(
                    connection,
                    TokenChallenge.ELEMENT,
                    ProvisioningIq.NAMESPACE,
                    IQ.Type.get,
                    TokenChallenge.class,
                    TIMEOUT);
            this.client = client;
        }

        @Override
        protected CompletionStage<? extends IQ> handle(TokenChallenge request) {
            Optional<Optional<Jid>> sent = client.tokens().log().lookup(request.token(), request.getFrom());
            if (sent.isEmpty()) {
                return CompletableFuture.failedFuture(
                        IotErrors.forbidden("token not sent to you within the last minute"));
            }
            byte[] encrypted;
            try {
                encrypted = request.bytes();
            } catch (IllegalArgumentException e) {
                return CompletableFuture.failedFuture(IotErrors.badRequest("challenge is not base64"));
            }
            Optional<Jid> origin = sent.get();
            if (origin.isPresent()) {
                TokenChallenge relay = new TokenChallenge(request.token(), encrypted);
                relay.setTo(origin.get());
                return client.request(relay, TokenChallengeResponse.class)
                        .thenApply(r -> resultFor(request, new TokenChallengeResponse(r.base64())));
            }
            Optional<DeviceIdentity> identity = client.tokens().identityFor(request.token());
            if (identity.isEmpty()) {
                return CompletableFuture.failedFuture(IotErrors.forbidden("not the holder of this token"));
            }
            try {
                byte[] plain = TokenCrypto.decrypt(identity.get().privateKey(), encrypted);
                return CompletableFuture.completedFuture(resultFor(request, new TokenChallengeResponse(plain)));
            } catch (GeneralSecurityException e) {
                return CompletableFuture.failedFuture(IotErrors.badRequest("challenge cannot be decrypted"));
            }
        }
    }
}
