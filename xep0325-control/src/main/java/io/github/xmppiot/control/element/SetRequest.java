package io.github.xmppiot.control.element;

import io.github.xmppiot.core.xml.IotXml;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;

/**
 * An {@code iq type='set'} carrying a XEP-0325 {@code set} (§3.1 "Sending a control command using an IQ stanza"); it is
 * answered with a {@link SetResponse} or an IQ error (§5.1 "IQ Error Stanzas").
 *
 * @since 0.1.0
 */
public final class SetRequest extends IQ {

    private final ControlSet set;

    /**
     * Wraps a {@code set} element in an IQ of type {@code set}.
     *
     * @param set the content
     */
    public SetRequest(ControlSet set) {
        super(ControlSet.ELEMENT, ControlSet.NAMESPACE);
        this.set = Objects.requireNonNull(set, "set");
        setType(Type.set);
    }

    /** @return the {@code set} content */
    public ControlSet controlSet() {
        return set;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        IotXml.writeTokens(xml, set.tokens());
        if (set.isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        set.appendChildren(xml);
        return xml;
    }
}
