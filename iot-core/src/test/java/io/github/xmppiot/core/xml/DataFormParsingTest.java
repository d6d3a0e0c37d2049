package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/**
 * Malformed data forms (and JID fields whose value is not a JID) become parse errors and leave the parser after the
 * form, whatever Smack's provider throws.
 */
class DataFormParsingTest {

    private static XmlPullParser atForm(String form) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor("<wrap>" + form + "<after/></wrap>");
        while (!"x".equals(p.getName()) || p.getEventType() != XmlPullParser.Event.START_ELEMENT) {
            p.next();
        }
        return p;
    }

    private static void assertAfterForm(XmlPullParser p) throws Exception {
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("x");
        p.next();
        assertThat(p.getName()).isEqualTo("after");
    }

    @Test
    void aWellFormedFormIsRead() throws Exception {
        XmlPullParser p = atForm("<x xmlns='jabber:x:data' type='submit'><field var='id'><value>a</value></field></x>");
        assertThat(IotXml.dataForm(p).getField("id").getFirstValue()).isEqualTo("a");
        assertAfterForm(p);
    }

    @Test
    void aFormWithoutTypeIsAParseError() throws Exception { // Smack's provider throws NullPointerException
        XmlPullParser p = atForm("<x xmlns='jabber:x:data'><field var='id'><value>a</value></field></x>");
        assertThatThrownBy(() -> IotXml.dataForm(p)).isInstanceOf(IotParseException.class);
        assertAfterForm(p);
    }

    @Test
    void anElementInsideAValueIsAParseError() throws Exception { // Smack's provider throws XmlPullParserException
        XmlPullParser p = atForm("<x xmlns='jabber:x:data' type='submit'><field var='id'><value>a<b xmlns='urn:x'>"
                + "c</b></value></field><field var='z'/></x>");
        assertThatThrownBy(() -> IotXml.dataForm(p)).isInstanceOf(IotParseException.class);
        assertAfterForm(p);
    }

    @Test
    void aJidFieldWhoseValueIsNotAJidIsAParseError() throws Exception { // Smack's provider throws an IOException
        for (String type : new String[] {"jid-single", "jid-multi"}) {
            XmlPullParser p = atForm("<x xmlns='jabber:x:data' type='submit'><field var='to' type='" + type + "'>"
                    + "<value>a b@c</value></field><field var='z'><value>1</value></field></x>");
            assertThatThrownBy(() -> IotXml.dataForm(p))
                    .as(type)
                    .isInstanceOf(IotParseException.class)
                    .hasMessageContaining("malformed data form")
                    .hasCauseInstanceOf(org.jxmpp.stringprep.XmppStringprepException.class);
            assertAfterForm(p);
        }
    }

    @Test
    void aJidFieldWithAJidIsRead() throws Exception {
        XmlPullParser p = atForm("<x xmlns='jabber:x:data' type='submit'><field var='to' type='jid-single'>"
                + "<value>owner@example.org/a</value></field></x>");
        assertThat(IotXml.dataForm(p).getField("to").getFirstValue()).isEqualTo("owner@example.org/a");
        assertAfterForm(p);
    }

    @Test
    void aRequestWithAValueThatIsNotAJidBecomesAMalformedRequest() throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(
                "<req xmlns='urn:example'><x xmlns='jabber:x:data' type='submit'><field var='to' type='jid-single'>"
                        + "<value>a b@c</value></field></x></req>");
        int depth = p.getDepth();
        org.jivesoftware.smack.packet.IQ iq = IotXml.parseRequest(p, depth, parser -> {
            while (!"x".equals(parser.getName())) {
                parser.next();
            }
            IotXml.dataForm(parser);
            throw new AssertionError("the form is not a form");
        });
        assertThat(iq).isInstanceOf(MalformedRequest.class);
        assertThat(((MalformedRequest) iq).getChildElementName()).isEqualTo("req");
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).isEqualTo("req");

        XmlPullParser q = PacketParserUtils.getParserFor("<req xmlns='urn:example' to='a b@c'/>");
        assertThat(IotXml.parseRequest(q, q.getDepth(), parser -> {
                    throw new org.jxmpp.stringprep.XmppStringprepException("a b@c", "not a JID");
                }))
                .as("a JID attribute a body reads with JidCreate")
                .isInstanceOf(MalformedRequest.class);
    }
}
