package io.github.xmppiot.provisioning.element;

import java.util.Objects;

/**
 * {@code getTokenResponse} (XEP-0324 §3.1.3.1): the token issued for the certificate once the challenge was answered.
 * Tokens never contain white space.
 *
 * @since 0.1.0
 */
public final class GetTokenResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "getTokenResponse";

    private final String token;

    /**
     * Creates the response.
     *
     * @param token the token
     */
    public GetTokenResponse(String token) {
        super(ELEMENT, Type.result);
        this.token = Objects.requireNonNull(token, "token");
    }

    /** @return the token */
    public String token() {
        return token;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("token", token);
        xml.setEmptyElement();
        return xml;
    }
}
