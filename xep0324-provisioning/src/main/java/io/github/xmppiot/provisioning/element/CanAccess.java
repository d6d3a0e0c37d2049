package io.github.xmppiot.provisioning.element;

import java.util.List;
import java.util.Objects;

/**
 * {@code canAccess} (XEP-0324 §3.6.2 "User access to service"): a service asks whether a connecting user, described by
 * credentials, may use it. Written in the XSD's typed form; the examples' {@code <credentials type= value=/>} form is
 * accepted on input (CHECKLIST §9.2.4).
 *
 * @since 0.1.0
 */
public final class CanAccess extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "canAccess";

    private final String serviceToken;
    private final List<Credential> credentials;

    /**
     * Creates the request.
     *
     * @param serviceToken the service's token(s), space separated
     * @param credentials  the user's credentials
     */
    public CanAccess(String serviceToken, List<Credential> credentials) {
        super(ELEMENT, Type.get);
        this.serviceToken = Objects.requireNonNull(serviceToken, "serviceToken");
        this.credentials = List.copyOf(credentials);
    }

    /** @return the service token(s) */
    public String serviceToken() {
        return serviceToken;
    }

    /** @return the credentials */
    public List<Credential> credentials() {
        return credentials;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("serviceToken", serviceToken);
        if (credentials.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (Credential c : credentials) {
            xml.halfOpenElement(c.type().element())
                    .attribute(c.type().attribute(), c.value())
                    .closeEmptyElement();
        }
        return xml;
    }
}
