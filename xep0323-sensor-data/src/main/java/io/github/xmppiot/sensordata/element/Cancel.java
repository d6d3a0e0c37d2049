package io.github.xmppiot.sensordata.element;

import org.jivesoftware.smack.packet.IQ;

/**
 * The cancellation of a read-out, {@code <cancel seqnr='…'/>} (XEP-0323 §3.7, example 9). Sent in an
 * {@code iq type='get'} as the examples do (CHECKLIST §9.1 item 5); Things accept {@code get} and {@code set}.
 *
 * @since 0.1.0
 */
public final class Cancel extends IQ {

    /** Element name. */
    public static final String ELEMENT = "cancel";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;

    private final int seqnr;

    /**
     * Creates a cancellation IQ of type get.
     *
     * @param seqnr the sequence number of the read-out to cancel
     */
    public Cancel(int seqnr) {
        super(ELEMENT, NAMESPACE);
        this.seqnr = seqnr;
        setType(Type.get);
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
