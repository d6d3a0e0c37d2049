package io.github.xmppiot.provisioning.element;

import java.util.Objects;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * {@code userLoggedIn} (XEP-0324 §3.6.2): a message from a service telling the provisioning server that the user
 * holding {@code userToken} has authenticated as {@code userName}.
 *
 * @since 0.1.0
 */
public final class UserLoggedIn implements ExtensionElement {

    /** Element name. */
    public static final String ELEMENT = "userLoggedIn";
    /** Namespace. */
    public static final String NAMESPACE = ProvisioningIq.NAMESPACE;

    private final String serviceToken;
    private final String userToken;
    private final String userName;

    /**
     * Creates the element.
     *
     * @param serviceToken the service token
     * @param userToken    the user token from {@link CanAccessResponse}
     * @param userName     the authenticated user name
     */
    public UserLoggedIn(String serviceToken, String userToken, String userName) {
        this.serviceToken = Objects.requireNonNull(serviceToken, "serviceToken");
        this.userToken = Objects.requireNonNull(userToken, "userToken");
        this.userName = Objects.requireNonNull(userName, "userName");
    }

    /** @return the service token */
    public String serviceToken() {
        return serviceToken;
    }

    /** @return the user token */
    public String userToken() {
        return userToken;
    }

    /** @return the user name */
    public String userName() {
        return userName;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosingNamespace) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosingNamespace);
        xml.attribute("serviceToken", serviceToken)
                .attribute("userToken", userToken)
                .attribute("userName", userName);
        xml.closeEmptyElement();
        return xml;
    }
}
