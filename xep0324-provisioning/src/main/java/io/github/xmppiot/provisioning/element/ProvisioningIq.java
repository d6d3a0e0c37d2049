package io.github.xmppiot.provisioning.element;

import org.jivesoftware.smack.packet.IQ;

/**
 * Base of every XEP-0324 IQ payload: fixes the namespace {@code urn:xmpp:iot:provisioning} (XEP-0324 §9 XML Schema).
 *
 * @since 0.1.0
 */
public abstract class ProvisioningIq extends IQ {

    /** The XEP-0324 namespace. */
    public static final String NAMESPACE = "urn:xmpp:iot:provisioning";

    /**
     * Creates a payload.
     *
     * @param element the element name
     * @param type    the IQ type the XEP-0324 examples use for it
     */
    protected ProvisioningIq(String element, IQ.Type type) {
        super(element, NAMESPACE);
        setType(type);
    }
}
