package io.github.xmppiot.provisioning.element;

import java.util.Objects;

/**
 * {@code tokenChallenge} (XEP-0324 §3.1.3.2, §6.2): the provisioning server challenges the use of {@code token}
 * with a random block encrypted with the public key of the certificate behind the token. A party answers only if it
 * sent that token to the challenger within the last minute; otherwise {@code cancel/forbidden}.
 *
 * @since 0.1.0
 */
public final class TokenChallenge extends BinaryPayloadIq {

    /** Element name. */
    public static final String ELEMENT = "tokenChallenge";

    private final String token;

    /**
     * Creates the challenge from base64 text.
     *
     * @param token  the token challenged
     * @param base64 the encrypted challenge, base64 encoded
     */
    public TokenChallenge(String token, String base64) {
        super(ELEMENT, Type.get, base64);
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Creates the challenge.
     *
     * @param token     the token challenged
     * @param encrypted the encrypted challenge
     */
    public TokenChallenge(String token, byte[] encrypted) {
        this(token, encode(encrypted));
    }

    /** @return the token challenged */
    public String token() {
        return token;
    }

    @Override
    protected void writeAttributes(IQChildElementXmlStringBuilder xml) {
        xml.attribute("token", token);
    }
}
