package io.github.xmppiot.sensordata.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.sensordata.element.Cancelled;
import io.github.xmppiot.sensordata.element.Done;
import io.github.xmppiot.sensordata.element.Failure;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.Started;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registered providers read past content they do not know (XEP-0323 §10: unknown elements are ignored), leaving
 * the parser where the next element of the stanza starts; otherwise the unknown child would surface as a stanza
 * extension of its own.
 */
class SensorDataProvidersTest {

    private static final String NS = "urn:xmpp:iot:sensordata";
    private static final String UNKNOWN = "<x xmlns='urn:example:other'><y>text</y></x>";

    @BeforeAll
    static void register() {
        SensorDataProviders.register();
    }

    private static IQ iq(String type, String child) throws Exception {
        return PacketParserUtils.parseStanza("<iq xmlns='jabber:client' type='" + type
                + "' id='i1' from='t@example.org/r' to='c@example.org/c'>" + child + "</iq>");
    }

    private static Message message(String children) throws Exception {
        return PacketParserUtils.parseStanza(
                "<message xmlns='jabber:client' from='t@example.org/r' to='c@example.org/c'>" + children
                        + "<after xmlns='urn:example:after'/></message>");
    }

    private static void onlyThenAfter(Message m, Class<?> expected) {
        assertThat(m.getExtensions()).hasSize(2);
        assertThat(m.getExtensions().get(0)).isInstanceOf(expected);
        assertThat(m.getExtensions().get(1))
                .isInstanceOfSatisfying(
                        StandardExtensionElement.class,
                        e -> assertThat(e.getElementName()).isEqualTo("after"));
    }

    @Test
    void acceptedSkipsUnknownContent() throws Exception {
        IQ iq = iq("result", "<accepted xmlns='" + NS + "' seqnr='4' queued='true'>" + UNKNOWN + "</accepted>");
        assertThat(iq).isInstanceOfSatisfying(Accepted.class, a -> {
            assertThat(a.seqnr()).isEqualTo(4);
            assertThat(a.queued()).isTrue();
        });
        assertThat(iq.getExtensions()).isEmpty();
    }

    @Test
    void cancelAndCancelledSkipUnknownContent() throws Exception {
        IQ cancel = iq("get", "<cancel xmlns='" + NS + "' seqnr='5'>" + UNKNOWN + "</cancel>");
        assertThat(cancel)
                .isInstanceOfSatisfying(Cancel.class, c -> assertThat(c.seqnr()).isEqualTo(5));
        assertThat(cancel.getExtensions()).isEmpty();
        IQ cancelled = iq("result", "<cancelled xmlns='" + NS + "' seqnr='6'>" + UNKNOWN + "</cancelled>");
        assertThat(cancelled)
                .isInstanceOfSatisfying(
                        Cancelled.class, c -> assertThat(c.seqnr()).isEqualTo(6));
        assertThat(cancelled.getExtensions()).isEmpty();
    }

    @Test
    void startedAndDoneSkipUnknownContent() throws Exception {
        Message started = message("<started xmlns='" + NS + "' seqnr='7'>" + UNKNOWN + "</started>");
        onlyThenAfter(started, Started.class);
        assertThat(started.getExtension(Started.class).seqnr()).isEqualTo(7);
        Message done = message("<done xmlns='" + NS + "' seqnr='8'>" + UNKNOWN + "</done>");
        onlyThenAfter(done, Done.class);
        assertThat(done.getExtension(Done.class).seqnr()).isEqualTo(8);
    }

    @Test
    void failureSkipsUnknownChildren() throws Exception {
        Message m = message("<failure xmlns='" + NS + "' seqnr='9' done='true'>" + UNKNOWN
                + "<error nodeId='n' timestamp='2026-12-05T10:00:00Z'>broken</error></failure>");
        onlyThenAfter(m, Failure.class);
        Failure f = m.getExtension(Failure.class);
        assertThat(f.done()).isTrue();
        assertThat(f.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.text()).isEqualTo("broken"));
    }

    @Test
    void fieldsSkipUnknownChildrenAtEveryLevel() throws Exception {
        Message m = message("<fields xmlns='" + NS + "' seqnr='10' done='true'>" + UNKNOWN
                + "<node nodeId='n'>" + UNKNOWN
                + "<timestamp value='2026-12-05T10:00:00Z'><int name='a' value='1'/></timestamp></node></fields>");
        onlyThenAfter(m, Fields.class);
        Fields f = m.getExtension(Fields.class);
        assertThat(f.fieldCount()).isEqualTo(1);
        assertThat(f.problems()).isEmpty();
    }

    @Test
    void aTimestampWithoutValueIsAProblemAndItsFieldsAreSkipped() throws Exception {
        Message m = message("<fields xmlns='" + NS + "' seqnr='11'><node nodeId='n'>"
                + "<timestamp><int name='a' value='1'/></timestamp>"
                + "<timestamp value='bad'><int name='b' value='2'/></timestamp>"
                + "<timestamp value='2026-12-05T10:00:00Z'><int name='c' value='3'/></timestamp></node></fields>");
        onlyThenAfter(m, Fields.class);
        Fields f = m.getExtension(Fields.class);
        assertThat(f.fieldCount()).isEqualTo(1);
        assertThat(f.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("its fields are ignored"));
    }
}
