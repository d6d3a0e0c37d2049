package io.github.xmppiot.provisioning.element;

/**
 * {@code clearCacheResponse} (XEP-0324 §3.5.1): the Thing's empty acknowledgement of {@link ClearCache}.
 *
 * @since 0.1.0
 */
public final class ClearCacheResponse extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "clearCacheResponse";

    /** Creates the response. */
    public ClearCacheResponse() {
        super(ELEMENT, Type.result);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.setEmptyElement();
        return xml;
    }
}
