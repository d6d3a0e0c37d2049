package io.github.xmppiot.provisioning.element;

/**
 * {@code getToken} (XEP-0324 §3.1.3.1 "Requesting a token", §3.6.1 service tokens): a Thing or service sends the
 * base64 encoded public X.509 certificate that identifies it; the provisioning server answers {@link GetTokenChallenge}.
 *
 * @since 0.1.0
 */
public final class GetToken extends BinaryPayloadIq {

    /** Element name. */
    public static final String ELEMENT = "getToken";

    /**
     * Creates the request from received base64 text.
     *
     * @param base64 the base64 encoded DER certificate
     */
    public GetToken(String base64) {
        super(ELEMENT, Type.get, base64);
    }

    /**
     * Creates the request for a certificate.
     *
     * @param derCertificate the DER encoded certificate
     */
    public GetToken(byte[] derCertificate) {
        this(encode(derCertificate));
    }

    @Override
    protected void writeAttributes(IQChildElementXmlStringBuilder xml) {
        // getToken has no attributes (XEP-0324 §9)
    }
}
