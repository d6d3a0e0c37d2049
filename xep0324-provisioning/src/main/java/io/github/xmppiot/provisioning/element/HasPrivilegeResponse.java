package io.github.xmppiot.provisioning.element;

/**
 * {@code hasPrivilegeResponse} (XEP-0324 §3.7.1): whether the user holds the privilege.
 *
 * @since 0.1.0
 */
public final class HasPrivilegeResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "hasPrivilegeResponse";

    private final boolean result;

    /**
     * Creates the response.
     *
     * @param result whether the privilege is granted
     */
    public HasPrivilegeResponse(boolean result) {
        super(ELEMENT, Type.result);
        this.result = result;
    }

    /** @return whether the privilege is granted */
    public boolean result() {
        return result;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("result", result);
        xml.setEmptyElement();
        return xml;
    }
}
