package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

class IotXmlTest {

    private static XmlPullParser at(String xml) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(xml);
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.START_ELEMENT);
        return p;
    }

    @Test
    void readsNodeTripleAndIgnoresEmptyCacheType() throws Exception {
        NodeRef n = IotXml.nodeRef(at("<node nodeId='N1' sourceId='MeteringTopology' cacheType=''/>"));
        assertThat(n).isEqualTo(NodeRef.of("N1", "MeteringTopology"));
        assertThatThrownBy(() -> IotXml.nodeRef(at("<node sourceId='S'/>")))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("nodeId");
        assertThat(IotXml.optionalNodeRef(at("<node/>"))).isNull();
    }

    @Test
    void booleansAcceptOneAndZero() throws Exception {
        XmlPullParser p = at("<req momentary='1' peak='0' status='true'/>");
        assertThat(IotXml.booleanAttribute(p, "momentary", false)).isTrue();
        assertThat(IotXml.booleanAttribute(p, "peak", true)).isFalse();
        assertThat(IotXml.booleanAttribute(p, "absent", true)).isTrue();
        assertThat(IotXml.optionalBooleanAttribute(p, "absent")).isNull();
        assertThatThrownBy(() -> IotXml.booleanAttribute(at("<req all='yes'/>"), "all", false))
                .isInstanceOf(IotParseException.class)
                .hasMessageContaining("'all'");
    }

    @Test
    void intAndDateTimeAttributesAreStrict() throws Exception {
        assertThat(IotXml.intAttribute(at("<req seqnr='-7'/>"), "seqnr")).isEqualTo(-7);
        assertThatThrownBy(() -> IotXml.intAttribute(at("<req/>"), "seqnr"))
                .hasMessageContaining("missing attribute 'seqnr'");
        assertThatThrownBy(() -> IotXml.intAttribute(at("<req seqnr='9999999999'/>"), "seqnr"))
                .hasMessageContaining("out of range");
        assertThat(IotXml.dateTimeAttribute(at("<req from='2013-03-07T16:00:00'/>"), "from")
                        .lexical())
                .isEqualTo("2013-03-07T16:00:00");
        assertThatThrownBy(() -> IotXml.dateTimeAttribute(at("<req from='yesterday'/>"), "from"))
                .isInstanceOf(IotParseException.class);
    }

    @Test
    void tokensAreSplitOnWhiteSpaceAndWrittenBack() throws Exception {
        Tokens t = IotXml.tokens(at("<req deviceToken='a b  c' userToken='u'/>"));
        assertThat(t.deviceTokens()).containsExactly("a", "b", "c");
        assertThat(t.userTokens()).containsExactly("u");
        XmlStringBuilder xml = new XmlStringBuilder().halfOpenElement("req");
        IotXml.writeTokens(xml, t);
        IotXml.writeNodeRef(xml, NodeRef.of("N", null, "C"));
        xml.closeEmptyElement();
        assertThat(XmlCompare.difference(
                        "<req deviceToken='a b c' userToken='u' nodeId='N' cacheType='C'/>", xml.toString()))
                .isEmpty();
    }

    @Test
    void parseRequestTurnsRuleBreaksIntoMalformedRequestAndSkipsThePayload() throws Exception {
        XmlPullParser p = at("<req xmlns='urn:x' seqnr='oops'><field name='a'/><node nodeId='n'/></req>");
        IQ iq = IotXml.parseRequest(p, p.getDepth(), parser -> {
            IotXml.intAttribute(parser, "seqnr");
            throw new AssertionError("must not get here");
        });
        assertThat(iq).isInstanceOf(MalformedRequest.class);
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("req");
        MalformedRequest m = (MalformedRequest) iq;
        assertThat(m.getChildElementName()).isEqualTo("req");
        assertThat(m.getChildElementNamespace()).isEqualTo("urn:x");
        assertThat(m.badRequestReply().getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(m.badRequestReply().getError().getDescriptiveText()).contains("seqnr");
    }
}
