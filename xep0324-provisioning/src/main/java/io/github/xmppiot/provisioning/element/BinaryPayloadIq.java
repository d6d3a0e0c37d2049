package io.github.xmppiot.provisioning.element;

import io.github.xmppiot.provisioning.internal.ProvisioningXml;
import java.util.Base64;
import java.util.Objects;

/**
 * Base of the XEP-0324 §3.1.3 token elements whose content is an {@code xs:base64Binary} block (certificate,
 * challenge or response). The lexical text is kept as received, so that the published examples, whose content is a
 * placeholder such as {@code BASE-64 ENCODED CHALLENGE}, still parse; {@link #bytes()} checks it. Handlers answer a
 * request whose content is not base64 with {@code modify/bad-request}.
 *
 * @since 0.1.0
 */
public abstract class BinaryPayloadIq extends ProvisioningIq {

    private final String base64;

    /**
     * Creates the payload.
     *
     * @param element the element name
     * @param type    the IQ type
     * @param base64  the content as base64 text
     */
    protected BinaryPayloadIq(String element, Type type, String base64) {
        super(element, type);
        this.base64 = Objects.requireNonNull(base64, "base64").strip();
    }

    /**
     * Encodes bytes for the constructors of the subclasses.
     *
     * @param bytes the bytes
     * @return base64 text
     */
    protected static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** @return the content as received or built (base64 text, possibly invalid on received stanzas) */
    public String base64() {
        return base64;
    }

    /**
     * Decodes the content.
     *
     * @return the bytes
     * @throws IllegalArgumentException if the content is not xs:base64Binary
     */
    public byte[] bytes() {
        return ProvisioningXml.decodeBase64(base64);
    }

    /**
     * Writes the attributes of the subclass.
     *
     * @param xml builder on the open start tag
     */
    protected abstract void writeAttributes(IQChildElementXmlStringBuilder xml);

    @Override
    protected final IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        writeAttributes(xml);
        if (base64.isEmpty()) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            xml.escape(base64);
        }
        return xml;
    }
}
