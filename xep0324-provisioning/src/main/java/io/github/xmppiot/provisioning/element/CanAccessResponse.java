package io.github.xmppiot.provisioning.element;

/**
 * {@code canAccessResponse} (XEP-0324 §3.6.2): whether the user may use the service and, if so, the user token the
 * service passes in later calls on the user's behalf.
 *
 * @since 0.1.0
 */
public final class CanAccessResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "canAccessResponse";

    private final boolean result;
    private final String userToken;

    /**
     * Creates the response.
     *
     * @param result    whether access is granted
     * @param userToken the user token, or null
     */
    public CanAccessResponse(boolean result, String userToken) {
        super(ELEMENT, Type.result);
        this.result = result;
        this.userToken = userToken;
    }

    /** @return whether access is granted */
    public boolean result() {
        return result;
    }

    /** @return the user token, or null if none was issued */
    public String userToken() {
        return userToken;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("userToken", userToken);
        xml.attribute("result", result);
        xml.setEmptyElement();
        return xml;
    }
}
