package io.github.xmppiot.sensordata.element;

import org.jivesoftware.smack.packet.IQ;

/**
 * The answer to a {@link Cancel}, {@code <cancelled seqnr='…'/>} in an {@code iq type='result'} (XEP-0323 §3.7,
 * example 9).
 *
 * @since 0.1.0
 */
public final class Cancelled extends IQ {

    /** Element name. */
    public static final String ELEMENT = "cancelled";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;

    private final int seqnr;

    /**
     * Creates the answer, of type result.
     *
     * @param seqnr the sequence number of the cancelled read-out
     */
    public Cancelled(int seqnr) {
        super(ELEMENT, NAMESPACE);
        this.seqnr = seqnr;
        setType(Type.result);
    }

    /** @return the sequence number */
    public int seqnr() {
        return seqnr;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("seqnr", seqnr);
        xml.setEmptyElement();
        return xml;
    }
}
