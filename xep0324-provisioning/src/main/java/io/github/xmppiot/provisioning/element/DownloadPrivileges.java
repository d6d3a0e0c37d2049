package io.github.xmppiot.provisioning.element;

import java.util.Objects;

/**
 * {@code downloadPrivileges} (XEP-0324 §3.7.2 "Download all user privileges"): a service fetches the whole ordered
 * include/exclude list for a user, to evaluate privileges itself.
 *
 * @since 0.1.0
 */
public final class DownloadPrivileges extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "downloadPrivileges";

    private final String serviceToken;
    private final String userToken;

    /**
     * Creates the request.
     *
     * @param serviceToken the service token
     * @param userToken    the user token
     */
    public DownloadPrivileges(String serviceToken, String userToken) {
        super(ELEMENT, Type.get);
        this.serviceToken = Objects.requireNonNull(serviceToken, "serviceToken");
        this.userToken = Objects.requireNonNull(userToken, "userToken");
    }

    /** @return the service token */
    public String serviceToken() {
        return serviceToken;
    }

    /** @return the user token */
    public String userToken() {
        return userToken;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("serviceToken", serviceToken).attribute("userToken", userToken);
        xml.setEmptyElement();
        return xml;
    }
}
