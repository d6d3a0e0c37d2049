package io.github.xmppiot.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jxmpp.jid.Jid;

/**
 * The floor a XEP-0323 read-out cannot beat through a given server: the same three stanzas as our read-out of
 * {@link BenchThings} (an IQ get of the size of a {@code req}, a {@code message} carrying the ten-field {@code fields}
 * element byte for byte, and an IQ result of the size of {@code accepted}), in the best order (data first), but
 * pre-rendered and handled by plain Smack with no xmpp-iot code: no access check, no sensors, no serialiser, no
 * read-out state. The payload namespace is a private one so that none of our providers parses it; Smack parses the
 * message payload generically ({@link StandardExtensionElement}), as it would any extension.
 *
 * <p>What the floor costs above a ping is what the wire format costs Smack and the server; what our read-out costs
 * above the floor is ours to cut.
 */
final class WireFloor {

    /** The floor with our {@code fields} element (categories and quality flags on every field, as the XEP shows). */
    static final WireFloor OURS = new WireFloor(
            "urn:xmpp-iot:bench:floor", FieldsBenchmark.oursElement().toXML().toString());
    /** The floor with Smack's {@code fields} element for the same values (no categories, no flags: 45 % smaller). */
    static final WireFloor SMACK = new WireFloor(
            "urn:xmpp-iot:bench:floor-smack",
            FieldsBenchmark.smackElement().toXML().toString());

    private static final String SEQNR = "seqnr='";

    /** Private namespace of this floor's payloads. */
    private final String namespace;

    private final String head;
    private final String tail;

    private WireFloor(String namespace, String sensorDataFields) {
        this.namespace = namespace;
        String fields = sensorDataFields.replace("urn:xmpp:iot:sensordata", namespace);
        int at = fields.indexOf(SEQNR) + SEQNR.length();
        this.head = fields.substring(0, at);
        this.tail = fields.substring(fields.indexOf('\'', at));
    }

    /**
     * Serves the floor on the Thing's connection: answers each request with the pre-rendered message, then the
     * pre-rendered result, on Smack's handler thread (the thread our handler and Smack's ping handler use).
     *
     * @param thing the Thing's connection
     */
    void serve(XMPPConnection thing) {
        thing.registerIQRequestHandler(
                new AbstractIqRequestHandler("req", namespace, IQ.Type.get, AbstractIqRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        String seqnr = request.getStanzaId();
                        Message m = thing.getStanzaFactory()
                                .buildMessageStanza()
                                .to(request.getFrom())
                                .addExtension(raw(namespace, "fields", head + seqnr + tail))
                                .build();
                        try {
                            thing.sendStanza(m);
                        } catch (SmackException.NotConnectedException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return new SmallIq("accepted", seqnr, false, IQ.Type.result);
                    }
                });
    }

    /**
     * The client side: sends a request the size of our {@code req} and completes when the message arrives (the IQ
     * result that follows is left to Smack, which drops results nobody waits for).
     *
     * @param client the client's connection
     * @param thing  the Thing's full JID
     * @return the operation
     */
    Measure.Op client(XMPPConnection client, Jid thing) {
        Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        client.addSyncStanzaListener(
                s -> {
                    ExtensionElement x = s.getExtension("fields", namespace);
                    StandardExtensionElement e = x instanceof StandardExtensionElement se ? se : null;
                    CompletableFuture<Object> f = e == null ? null : pending.remove(e.getAttributeValue("seqnr"));
                    if (f != null) {
                        f.complete(e);
                    }
                },
                new AndFilter(StanzaTypeFilter.MESSAGE, new StanzaExtensionFilter(namespace)));
        return () -> {
            String id = "floor" + next.incrementAndGet();
            CompletableFuture<Object> f = new CompletableFuture<>();
            pending.put(id, f);
            SmallIq req = new SmallIq("req", id, true, IQ.Type.get);
            req.setTo(thing);
            req.setStanzaId(id);
            try {
                client.sendStanza(req);
            } catch (SmackException.NotConnectedException | InterruptedException e) {
                pending.remove(id);
                f.completeExceptionally(e);
            }
            return f;
        };
    }

    /**
     * A payload written as it is, for pre-rendered XML.
     *
     * @param namespace the payload's namespace
     * @param element   its element name
     * @param xml       the whole element
     * @return the extension
     */
    static ExtensionElement raw(String namespace, String element, String xml) {
        return new ExtensionElement() {
            @Override
            public String getNamespace() {
                return namespace;
            }

            @Override
            public String getElementName() {
                return element;
            }

            @Override
            public CharSequence toXML(XmlEnvironment enclosingNamespace) {
                return xml;
            }
        };
    }

    /** An IQ with an empty child element carrying {@code seqnr} (and {@code momentary}): a req or accepted. */
    private final class SmallIq extends IQ {
        private final String seqnr;
        private final boolean momentary;

        SmallIq(String element, String seqnr, boolean momentary, IQ.Type type) {
            super(element, namespace);
            this.seqnr = seqnr;
            this.momentary = momentary;
            setType(type);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.attribute("seqnr", seqnr);
            xml.optBooleanAttribute("momentary", momentary);
            xml.setEmptyElement();
            return xml;
        }
    }
}
