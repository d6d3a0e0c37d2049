package io.github.xmppiot.provisioning.element;

/**
 * {@code getTokenChallenge} (XEP-0324 §3.1.3.1): the provisioning server answers {@link GetToken} with a random
 * block encrypted with the certificate's public key, identified by {@code seqnr}; it keeps it at least one minute.
 *
 * @since 0.1.0
 */
public final class GetTokenChallenge extends BinaryPayloadIq {

    /** Element name. */
    public static final String ELEMENT = "getTokenChallenge";

    private final int seqnr;

    /**
     * Creates the element from base64 text.
     *
     * @param seqnr  the challenge's sequence number
     * @param base64 the encrypted challenge, base64 encoded
     */
    public GetTokenChallenge(int seqnr, String base64) {
        super(ELEMENT, Type.result, base64);
        this.seqnr = seqnr;
    }

    /**
     * Creates the element.
     *
     * @param seqnr the challenge's sequence number
     * @param bytes the encrypted challenge
     */
    public GetTokenChallenge(int seqnr, byte[] bytes) {
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
