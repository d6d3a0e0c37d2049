package io.github.xmppiot.provisioning;

import io.github.xmppiot.provisioning.element.GetToken;
import io.github.xmppiot.provisioning.element.GetTokenChallenge;
import io.github.xmppiot.provisioning.element.GetTokenChallengeResponse;
import io.github.xmppiot.provisioning.element.GetTokenResponse;
import io.github.xmppiot.provisioning.internal.Iqs;
import io.github.xmppiot.provisioning.internal.TokenCrypto;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

/** The token issuance flow of XEP-0324 §3.1.3.1 seen from the requester (a Thing or a service). */
final class TokenRequest {

    private TokenRequest() {}

    /** Sends the certificate, decrypts the challenge with the private key, returns the answer; yields the token. */
    static CompletableFuture<String> obtain(XMPPConnection connection, Jid to, DeviceIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        GetToken getToken;
        try {
            getToken = new GetToken(identity.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            return CompletableFuture.failedFuture(e);
        }
        getToken.setTo(to);
        return Iqs.request(connection, getToken, GetTokenChallenge.class)
                .thenCompose(challenge -> {
                    byte[] plain;
                    try {
                        plain = TokenCrypto.decrypt(identity.privateKey(), challenge.bytes());
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    GetTokenChallengeResponse answer = new GetTokenChallengeResponse(challenge.seqnr(), plain);
                    answer.setTo(to);
                    return Iqs.request(connection, answer, GetTokenResponse.class);
                })
                .thenApply(GetTokenResponse::token);
    }
}
