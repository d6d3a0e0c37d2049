package io.github.xmppiot.provisioning.element;

/**
 * {@code getTokenChallengeResponse} (XEP-0324 §3.1.3.1): the decrypted challenge, sent back with the challenge's
 * {@code seqnr}. Sent as {@code iq type='get'} as in the XEP-0324 examples (CHECKLIST §9.2.9); servers accept
 * {@code set} too.
 *
 * @since 0.1.0
 */
public final class GetTokenChallengeResponse extends BinaryPayloadIq {

    /** Element name. */
    public static final String ELEMENT = "getTokenChallengeResponse";

    private final int seqnr;

    /**
     * Creates the element from base64 text.
     *
     * @param seqnr  the challenge's sequence number
     * @param base64 the decrypted challenge, base64 encoded
     */
    public GetTokenChallengeResponse(int seqnr, String base64) {
        super(ELEMENT, Type.get, base64);
        this.seqnr = seqnr;
    }

    /**
     * Creates the element.
     *
     * @param seqnr the challenge's sequence number
     * @param bytes the decrypted challenge
     */
    public GetTokenChallengeResponse(int seqnr, byte[] bytes) {
        this(seqnr, encode(bytes));
    }

    /** @return the challenge's sequence number */
    public int seqnr() {
        return seqnr;
    }

    @Override
    protected void writeAttributes(IQChildElementXmlStringBuilder xml) {
        xml.attribute("seqnr", seqnr);
    }
}
