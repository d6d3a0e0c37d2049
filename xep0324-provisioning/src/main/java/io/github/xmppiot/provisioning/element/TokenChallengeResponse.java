package io.github.xmppiot.provisioning.element;

/**
 * {@code tokenChallengeResponse} (XEP-0324 §3.1.3.2 "Provisioning Server challenging a token"): the decrypted
 * challenge, returned by the holder of the private key (or relayed by the party that forwarded the token).
 *
 * @since 0.1.0
 */
public final class TokenChallengeResponse extends BinaryPayloadIq {

    /** Element name. */
    public static final String ELEMENT = "tokenChallengeResponse";

    /**
     * Creates the response from base64 text.
     *
     * @param base64 the decrypted challenge, base64 encoded
     */
    public TokenChallengeResponse(String base64) {
        super(ELEMENT, Type.result, base64);
    }

    /**
     * Creates the response.
     *
     * @param decrypted the decrypted challenge
     */
    public TokenChallengeResponse(byte[] decrypted) {
        this(encode(decrypted));
    }

    @Override
    protected void writeAttributes(IQChildElementXmlStringBuilder xml) {
        // tokenChallengeResponse has no attributes (XEP-0324 §9)
    }
}
