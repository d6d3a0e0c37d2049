package io.github.xmppiot.concentrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.xml.MalformedRequest;
import java.time.Duration;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A XEP-0326 request whose form has a {@code jid-single} value that is not a JID (XEP-0004 §3.3) is read as a
 * {@link MalformedRequest} and answered {@code modify/bad-request} by the concentrator itself, whatever the connection
 * (here an in-memory link, which has no parsing-exception callback at all). {@code InvalidJidIT} does the same through
 * Prosody, on the SDK's connection and on a plain Smack one.
 */
class InvalidJidTest {

    private Wired w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Wired(new TestLampType());
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private String request(String id, String value) {
        return "<iq type='set' id='" + id + "' to='" + w.to + "'><createNewNode xmlns='urn:xmpp:iot:concentrators'"
                + " nodeId='Hub' sourceId='MeteringTopology' type='" + TestLampType.TYPE + "'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='id' type='jid-single'><value>" + value
                + "</value></field></x></createNewNode></iq>";
    }

    @Test
    void theRequestIsReadAsMalformedAndNotThrownAway() throws Exception {
        Stanza parsed = PacketParserUtils.parseStanza(request("j1", "a b@c"));
        assertThat(parsed).isInstanceOf(MalformedRequest.class);
        assertThat(((MalformedRequest) parsed).reason()).contains("malformed data form");
    }

    @Test
    void theSenderGetsBadRequest() throws Exception {
        for (String notAJid : new String[] {"a b@c", "@c", "a@", "a\"b@c"}) {
            String id = "j" + Math.abs(notAJid.hashCode());
            w.clientPeer.inject(request(id, notAJid.replace("\"", "&quot;")));
            IQ answer = (IQ) w.clientPeer.await(s -> id.equals(s.getStanzaId()), Duration.ofSeconds(5));
            assertThat(answer.getType()).as(notAJid).isEqualTo(IQ.Type.error);
            assertThat(answer.getError().getCondition()).as(notAJid).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(answer.getError().getType()).as(notAJid).isEqualTo(StanzaError.Type.MODIFY);
        }
        assertThat(w.tree.get("a b@c")).as("nothing was created").isEmpty();
    }
}
