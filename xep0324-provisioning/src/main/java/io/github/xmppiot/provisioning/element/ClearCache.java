package io.github.xmppiot.provisioning.element;

/**
 * {@code clearCache} (XEP-0324 §3.5.1 "Clear cache"): sent by a provisioning server in an {@code iq type='set'} when
 * rules affecting the Thing have changed; the Thing clears its whole decision cache and answers
 * {@link ClearCacheResponse}.
 *
 * @since 0.1.0
 */
public final class ClearCache extends ProvisioningIq {

    /** Element name. */
    public static final String ELEMENT = "clearCache";

    /** Creates the request. */
    public ClearCache() {
        super(ELEMENT, Type.set);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.setEmptyElement();
        return xml;
    }
}
