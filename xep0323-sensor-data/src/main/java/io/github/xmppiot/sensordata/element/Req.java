package io.github.xmppiot.sensordata.element;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.xml.IotXml;
import io.github.xmppiot.sensordata.ReadoutRequest;
import java.util.Objects;
import org.jivesoftware.smack.packet.IQ;

/**
 * The read-out request {@code <req xmlns='urn:xmpp:iot:sensordata' seqnr='…'/>} sent in an {@code iq type='get'}
 * (XEP-0323 §3, schema §10, example 1). Its content is a {@link ReadoutRequest}; node children are written before field
 * children.
 *
 * @since 0.1.0
 */
public final class Req extends IQ {

    /** Element name. */
    public static final String ELEMENT = "req";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = "urn:xmpp:iot:sensordata";

    private final int seqnr;
    private final ReadoutRequest request;

    /**
     * Creates a request IQ of type get.
     *
     * @param seqnr   the client's sequence number (xs:int)
     * @param request what to read
     */
    public Req(int seqnr, ReadoutRequest request) {
        super(ELEMENT, NAMESPACE);
        this.seqnr = seqnr;
        this.request = Objects.requireNonNull(request, "request");
        setType(Type.get);
    }

    /** @return the sequence number */
    public int seqnr() {
        return seqnr;
    }

    /** @return what is requested */
    public ReadoutRequest request() {
        return request;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("seqnr", seqnr);
        for (FieldCategory c : request.categories()) {
            xml.attribute(c.attribute(), "true");
        }
        if (request.all()) {
            xml.attribute("all", "true");
        }
        if (request.historical()) {
            xml.attribute("historical", "true");
        }
        xml.optAttribute("from", request.from().map(DateTimeValue::lexical).orElse(null));
        xml.optAttribute("to", request.to().map(DateTimeValue::lexical).orElse(null));
        xml.optAttribute("when", request.when().map(DateTimeValue::lexical).orElse(null));
        IotXml.writeTokens(xml, request.tokens());
        if (request.nodes().isEmpty() && request.fieldNames().isEmpty()) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        for (NodeRef n : request.nodes()) {
            xml.halfOpenElement("node");
            IotXml.writeNodeRef(xml, n);
            xml.closeEmptyElement();
        }
        for (String f : request.fieldNames()) {
            xml.halfOpenElement("field").attribute("name", f).closeEmptyElement();
        }
        return xml;
    }
}
