package io.github.xmppiot.core.xml;

import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;

/**
 * An IQ request whose payload could not be read. Providers return it instead of throwing, so the IQ still reaches its
 * request handler (it keeps the payload's element name and namespace), which answers it with
 * {@code modify/bad-request} and the reason (XEP-0323 §3.5, XEP-0325 §3.6; "every request gets an answer").
 *
 * @since 0.1.0
 */
public final class MalformedRequest extends IQ {

    private final String reason;

    /**
     * Creates the placeholder for a malformed payload.
     *
     * @param element   the payload's element name
     * @param namespace the payload's namespace
     * @param reason    what is wrong, one line
     */
    public MalformedRequest(String element, String namespace, String reason) {
        super(element, namespace);
        this.reason = reason;
    }

    /**
     * What is wrong with the request.
     *
     * @return the reason, one line
     */
    public String reason() {
        return reason;
    }

    /**
     * The {@code modify/bad-request} answer to this request, with the reason as error text.
     *
     * @return the error IQ addressed to the requester
     */
    public ErrorIQ badRequestReply() {
        return IQ.createErrorResponse(
                this,
                StanzaError.getBuilder(StanzaError.Condition.bad_request)
                        .setType(StanzaError.Type.MODIFY)
                        .setDescriptiveEnText(reason));
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.setEmptyElement();
        return xml;
    }
}
