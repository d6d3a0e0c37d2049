package io.github.xmppiot.core.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * Smack's TCP connection with one defect of Smack 4.4.8 repaired: when an IQ request arrives whose payload no provider
 * knows, Smack answers it with an error IQ that copies the request's payload, and prints that copy as malformed XML
 * (the start tag is never closed), so the server closes the connection with {@code not-well-formed}. Anyone who can
 * send an IQ to a device could take it offline that way. This connection sends error IQs without the copy of the
 * request (RFC 6120 §8.3.1 allows either), so every request still gets its error and the stream stays valid.
 *
 * <p>{@link IotConnection} and the test kit create connections of this class.
 *
 * @since 0.1.0
 */
public class IotTcpConnection extends XMPPTCPConnection {

    private final Map<String, Function<ErrorIQ, IQ>> unknownRequestAnswers = new ConcurrentHashMap<>();

    /**
     * Creates a connection.
     *
     * @param config the Smack configuration
     */
    public IotTcpConnection(XMPPTCPConnectionConfiguration config) {
        super(config);
    }

    /**
     * Lets an extension answer requests in its namespace that no handler knows, instead of the generic
     * {@code feature-not-implemented} error: XEP-0326 §3.1 wants {@code <nameResponse result='NotImplemented'/>} for
     * unknown concentrator commands. Smack 4.4 dispatches handlers by exact element name, so this is the only place
     * that sees every unknown request of a namespace.
     *
     * @param namespace the payload namespace
     * @param answer    builds the answer from Smack's error reply (addressed to the requester, with the request's
     *                  element name and namespace); it must return an IQ of type result or error
     */
    public void answerUnknownRequests(String namespace, Function<ErrorIQ, IQ> answer) {
        unknownRequestAnswers.put(namespace, answer);
    }

    @Override
    protected void sendStanzaInternal(Stanza packet) throws NotConnectedException, InterruptedException {
        if (packet instanceof ErrorIQ e && e.getChildElementName() != null) {
            Function<ErrorIQ, IQ> answer = unknownRequestAnswers.get(e.getChildElementNamespace());
            if (answer != null && e.getError().getCondition() == StanzaError.Condition.feature_not_implemented) {
                IQ replacement = answer.apply(e);
                replacement.setStanzaId(e.getStanzaId());
                replacement.setTo(e.getTo());
                super.sendStanzaInternal(replacement);
                return;
            }
            super.sendStanzaInternal(withoutPayload(e));
            return;
        }
        super.sendStanzaInternal(packet);
    }

    /**
     * The same error IQ without the copy of the request's payload.
     *
     * @param error an error IQ
     * @return an equivalent error IQ whose only child is {@code <error/>}
     */
    static ErrorIQ withoutPayload(ErrorIQ error) {
        IqData data = StanzaBuilder.buildIqData(error.getStanzaId()).ofType(IQ.Type.error)
                .to(error.getTo()).from(error.getFrom());
        return ErrorIQ.builder(error.getError(), data).build();
    }
}
