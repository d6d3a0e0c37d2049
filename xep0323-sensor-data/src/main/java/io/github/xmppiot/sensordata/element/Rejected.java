package io.github.xmppiot.sensordata.element;

import org.jivesoftware.smack.packet.IQ;

/**
 * The obsolete refusal {@code <rejected seqnr='…'><error>text</error></rejected>} of XEP-0323 before v0.3, still shown
 * in XEP-0324 example 14 inside an {@code iq type='error'} without an {@code <error/>} child. Read so that clients
 * report such a refusal as {@code forbidden} instead of waiting; never sent by this SDK (XEP-0323 §3.3 uses IQ errors).
 *
 * @since 0.1.0
 */
public final class Rejected extends IQ {

    /** Element name. */
    public static final String ELEMENT = "rejected";
    /** The XEP-0323 namespace. */
    public static final String NAMESPACE = Req.NAMESPACE;

    private final Integer seqnr;
    private final String text;

    /**
     * Creates the element.
     *
     * @param seqnr the sequence number, or null if absent
     * @param text  the error text, or null if absent
     */
    public Rejected(Integer seqnr, String text) {
        super(ELEMENT, NAMESPACE);
        this.seqnr = seqnr;
        this.text = text;
        setType(Type.error);
    }

    /** @return the sequence number, or null if the element had none */
    public Integer seqnr() {
        return seqnr;
    }

    /** @return the error text, or null if the element had none */
    public String text() {
        return text;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.optAttribute("seqnr", seqnr == null ? null : seqnr.toString());
        if (text == null) {
            xml.setEmptyElement();
            return xml;
        }
        xml.rightAngleBracket();
        xml.element("error", text);
        return xml;
    }
}
