package io.github.xmppiot.sensordata.element;

import org.jivesoftware.smack.packet.IQ;

/**
 * The acceptance of a read-out, {@code <accepted seqnr='…' [queued='true']/>} in an {@code iq type='result'}
 * (XEP-0323 §3.1 and §3.4, examples 2 and 6). {@code queued='true'} means the read-out was deferred and a {@link Started}
 * message will follow when it begins.
 *
 * @since 0.1.0
 */
public final class Accepted extends IQ {

    /** Element name. */
    public static final String ELEMENT = "accepted";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;

    private final int seqnr;
    private final boolean queued;

    /**
     * Creates an acceptance IQ of type result.
     *
     * @param seqnr  the request's sequence number
     * @param queued whether the read-out was queued
     */
    public Accepted(int seqnr, boolean queued) {
        super(ELEMENT, NAMESPACE);
        this.seqnr = seqnr;
        this.queued = queued;
        setType(Type.result);
    }

    /** @return the sequence number */
    public int seqnr() {
        return seqnr;
    }

    /** @return whether the read-out was queued */
    public boolean queued() {
        return queued;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("seqnr", seqnr);
        if (queued) {
            xml.attribute("queued", "true");
        }
        xml.setEmptyElement();
        return xml;
    }
}
