package io.github.xmppiot.sensordata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * A {@code req} written attribute by attribute, as a stranger's client could send it, so that tests can send what
 * {@link ReadoutRequest} would never build (thousands of tokens, a {@code when} in the year 9999).
 */
final class RawReq extends IQ {

    private final Map<String, String> attributes = new LinkedHashMap<>();

    RawReq(Jid to, int seqnr) {
        super("req", SensorDataServer.NAMESPACE);
        setType(IQ.Type.get);
        setTo(to);
        attributes.put("seqnr", Integer.toString(seqnr));
        attributes.put("momentary", "true");
    }

    RawReq with(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        attributes.forEach(xml::attribute);
        xml.setEmptyElement();
        return xml;
    }

    /**
     * Sends and waits for the answer.
     *
     * @return null for a result, else the error condition
     */
    StanzaError.Condition send(XMPPTCPConnection from) throws Exception {
        return outcome(from, this);
    }

    static StanzaError.Condition outcome(XMPPConnection from, IQ iq) throws Exception {
        return sendAsync(from, iq).get(20, TimeUnit.SECONDS);
    }

    /**
     * Sends without waiting (Smack 4.4's {@code SmackFuture.get(timeout)} does not wait, so the callbacks are used).
     *
     * @return completes with null for a result, else with the error condition
     */
    static CompletableFuture<StanzaError.Condition> sendAsync(XMPPConnection from, IQ iq) {
        CompletableFuture<StanzaError.Condition> f = new CompletableFuture<>();
        ((XMPPTCPConnection) from)
                .sendIqRequestAsync(iq)
                .onSuccess(r -> f.complete(null))
                .onError(e -> {
                    if (e instanceof XMPPException.XMPPErrorException x) {
                        f.complete(x.getStanzaError().getCondition());
                    } else {
                        f.completeExceptionally(e);
                    }
                });
        return f;
    }
}
