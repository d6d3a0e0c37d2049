package io.github.xmppiot.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jivesoftware.smack.packet.EmptyResultIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.IqData;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.IqProvider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** A request another library's provider cannot parse becomes a {@link MalformedRequest}; responses fail as before. */
class AnsweringIqProviderTest {

    /** Reads {@code <p xmlns='urn:p'><jid>…</jid></p>} as Smack's providers read JIDs: with jxmpp. */
    static final IqProvider<IQ> JIDS = new IqProvider<>() {
        @Override
        public IQ parse(XmlPullParser parser, int initialDepth, IqData iqData, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, java.io.IOException, SmackParsingException {
            parser.next();
            String text = parser.nextText();
            if ("runtime".equals(text)) {
                throw new IllegalStateException("broken");
            }
            if ("smack".equals(text)) {
                throw new SmackParsingException("not readable") {};
            }
            JidCreate.from(text);
            return new EmptyResultIQ();
        }
    };

    static IQ parse(String payload, IQ.Type type) throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(payload);
        IqData data = StanzaBuilder.buildIqData("i1").ofType(type);
        IQ iq = new AnsweringIqProvider(JIDS).parse(p, data);
        assertThat(p.getEventType()).isEqualTo(XmlPullParser.Event.END_ELEMENT);
        assertThat(p.getName()).as("left on the payload's end tag").isEqualTo("p");
        return iq;
    }

    static String payload(String jid) {
        return "<p xmlns='urn:p'><jid>" + jid + "</jid><more><x/></more></p>";
    }

    @Test
    void aRequestThatCannotBeParsedIsMalformed() throws Exception {
        for (IQ.Type type : new IQ.Type[] {IQ.Type.get, IQ.Type.set}) {
            for (String bad : new String[] {"a b@c", "runtime", "smack"}) {
                IQ iq = parse(payload(bad), type);
                assertThat(iq).as(bad).isInstanceOf(MalformedRequest.class);
                assertThat(iq.getChildElementName()).isEqualTo("p");
                assertThat(iq.getChildElementNamespace()).isEqualTo("urn:p");
                assertThat(((MalformedRequest) iq).reason()).isNotBlank();
            }
        }
    }

    @Test
    void aWellFormedPayloadIsTheDelegatesResult() throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(payload("owner@example.org"));
        assertThat(new AnsweringIqProvider(JIDS)
                        .parse(p, StanzaBuilder.buildIqData("i").ofType(IQ.Type.set)))
                .isInstanceOf(EmptyResultIQ.class);
        assertThat(new AnsweringIqProvider(JIDS).delegate()).isSameAs(JIDS);
    }

    @Test
    void aResponseThatCannotBeParsedStillFails() throws Exception {
        XmlPullParser p = PacketParserUtils.getParserFor(payload("a b@c"));
        assertThatThrownBy(() -> new AnsweringIqProvider(JIDS)
                        .parse(p, StanzaBuilder.buildIqData("i").ofType(IQ.Type.result)))
                .isInstanceOf(org.jxmpp.stringprep.XmppStringprepException.class);
    }
}
