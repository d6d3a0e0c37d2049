package io.github.xmppiot.provisioning.element;

import java.util.Objects;

/**
 * {@code hasPrivilege} (XEP-0324 §3.7.1 "User privileges in service"): a service asks whether the user behind
 * {@code userToken} holds the privilege {@code privilegeId}, a full dot-separated path such as {@code Sensors.View}.
 *
 * @since 0.1.0
 */
public final class HasPrivilege extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "hasPrivilege";

    private final String serviceToken;
    private final String userToken;
    private final String privilegeId;

    /**
     * Creates the request.
     *
     * @param serviceToken the service token
     * @param userToken    the user token
     * @param privilegeId  the full privilege id
     */
    public HasPrivilege(String serviceToken, String userToken, String privilegeId) {
        super(ELEMENT, Type.get);
        this.serviceToken = Objects.requireNonNull(serviceToken, "serviceToken");
        this.userToken = Objects.requireNonNull(userToken, "userToken");
        this.privilegeId = Objects.requireNonNull(privilegeId, "privilegeId");
    }

    /** @return the service token */
    public String serviceToken() {
        return serviceToken;
    }

    /** @return the user token */
    public String userToken() {
        return userToken;
    }

    /** @return the privilege id */
    public String privilegeId() {
        return privilegeId;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("serviceToken", serviceToken)
                .attribute("userToken", userToken)
                .attribute("privilegeId", privilegeId);
        xml.setEmptyElement();
        return xml;
    }
}
