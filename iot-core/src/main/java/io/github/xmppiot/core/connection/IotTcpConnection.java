package io.github.xmppiot.core.connection;

import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.Stanza;
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
 */
public class IotTcpConnection extends XMPPTCPConnection {

    /**
     * Creates a connection.
     *
     * @param config the Smack configuration
     */
    public IotTcpConnection(XMPPTCPConnectionConfiguration config) {
        super(config);
    }

    @Override
    protected void sendStanzaInternal(Stanza packet) throws NotConnectedException, InterruptedException {
        super.sendStanzaInternal(packet instanceof ErrorIQ e && e.getChildElementName() != null ? withoutPayload(e) : packet);
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
