package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/** Optional attributes, skipping unknown elements, and how a request that breaks the rules is kept for an answer. */
class IotXmlReadingTest {

    private static XmlPullParser at(String xml) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(xml);
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.START_ELEMENT);
        return p;
    }

    /** A request that only reads its {@code seqnr} and skips its content. */
    static final class Req extends IQ {
        final int seqnr;

        Req(int seqnr) {
            super("req", "urn:test");
            this.seqnr = seqnr;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }

    @Test
    void anOptionalIntIsNullWhenAbsentAndStrictWhenPresent() throws Exception {
        assertThat(IotXml.optionalIntAttribute(at("<req seqnr='42'/>"), "seqnr"))
                .isEqualTo(42);
        assertThat(IotXml.optionalIntAttribute(at("<req/>"), "seqnr")).isNull();
        assertThatThrownBy(() -> IotXml.optionalIntAttribute(at("<req seqnr='x'/>"), "seqnr"))
                .isInstanceOf(IotParseException.class);
    }

    @Test
    void anOptionalNodeIsReadWhenItHasANodeId() throws Exception {
        assertThat(IotXml.optionalNodeRef(at("<node nodeId='N1' sourceId='S'/>")))
                .isEqualTo(NodeRef.of("N1", "S"));
    }

    @Test
    void skippingAnElementLeavesTheParserOnItsEndTag() throws Exception {
        XmlPullParser p = at("<a><b x='1'><c/>text<d><e/></d></b><f/></a>");
        p.next();
        assertThat(p.getName()).isEqualTo("b");
        IotXml.skipElement(p);
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("b");
        p.next();
        assertThat(p.getName()).isEqualTo("f");
    }

    @Test
    void aWellFormedRequestIsParsedAndABrokenOneKeptForItsAnswer() throws Exception {
        XmlPullParser ok = at("<req xmlns='urn:test' seqnr='3'><x/></req>");
        IQ parsed = IotXml.parseRequest(ok, ok.getDepth(), p -> {
            Req r = new Req(IotXml.intAttribute(p, "seqnr"));
            IotXml.skipElement(p);
            return r;
        });
        assertThat(parsed).isInstanceOf(Req.class);
        assertThat(((Req) parsed).seqnr).isEqualTo(3);

        XmlPullParser bad = at("<req xmlns='urn:test'><x><y/></x></req>");
        IQ kept = IotXml.parseRequest(bad, bad.getDepth(), p -> new Req(IotXml.intAttribute(p, "seqnr")));
        assertThat(kept).isInstanceOf(MalformedRequest.class);
        MalformedRequest m = (MalformedRequest) kept;
        assertThat(m.reason()).contains("missing attribute 'seqnr'");
        assertThat(m.getChildElementName()).isEqualTo("req");
        assertThat(m.getChildElementNamespace()).isEqualTo("urn:test");
        assertThat(bad.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(bad.getName()).isEqualTo("req");
        m.setType(IQ.Type.get);
        m.setStanzaId("b1");
        assertThat(m.toXML().toString())
                .isEqualTo("<iq xmlns='jabber:client' id='b1' type='get'><req xmlns='urn:test'/></iq>");
    }
}
