package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/** Malformed data forms become parse errors and leave the parser after the form, whatever Smack's provider throws. */
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
}
