package io.github.xmppiot.sensordata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.sensordata.ReadoutField;
import io.github.xmppiot.sensordata.ReadoutListener;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.provider.SensorDataProviders;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.EmptyResultIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The routing of what Things send to the read-outs of a client (XEP-0323 §3): answers to {@code req} by stanza id and
 * only from the JID asked, read-out messages by {@code seqnr}, refusals as errors (XEP-0324 example 14's
 * {@code rejected} as {@code forbidden}).
 */
class ClientInboxTest extends ClientReadoutFixture {

    private static final String NS = "urn:xmpp:iot:sensordata";
    private static final String FORBIDDEN =
            "<error type='cancel'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>";

    private final ClientInbox inbox = new ClientInbox();

    @BeforeAll
    static void providers() {
        SensorDataProviders.register();
    }

    private ClientReadout add(int seqnr, Jid to, String id) {
        ClientReadout r = readout(seqnr, to, ReadoutRequest.builder().all().build(), ReadoutListener.NONE, calls::add);
        assertThat(inbox.add(seqnr, id, r)).isTrue();
        return r;
    }

    private static Stanza stanza(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    private static Stanza iq(String type, String id, String from, String payload) throws Exception {
        return stanza("<iq xmlns='jabber:client' type='" + type + "' id='" + id + "' from='" + from
                + "' to='client@example.org/c'>" + payload + "</iq>");
    }

    private static Stanza message(String from, String payload) throws Exception {
        return stanza("<message xmlns='jabber:client' from='" + from + "' to='client@example.org/c'>" + payload
                + "</message>");
    }

    private static String fieldsXml(int seqnr, boolean done, String name) {
        return "<fields xmlns='" + NS + "' seqnr='" + seqnr + "'" + (done ? " done='true'" : "")
                + "><node nodeId='D1'><timestamp value='2013-03-07T16:24:30'><int name='" + name
                + "' value='1' momentary='true'/></timestamp></node></fields>";
    }

    /** Hands a stanza to the inbox the way the client's listener does: only if {@link ClientInbox#isAnswer} says so. */
    private void answer(Stanza s) {
        if (inbox.isAnswer(s)) {
            inbox.onAnswer(s);
        }
    }

    private static IotErrorException failure(CompletableFuture<?> f) {
        Throwable e = f.handle((v, x) -> x).getNow(null);
        assertThat(e).isInstanceOf(IotErrorException.class);
        return (IotErrorException) e;
    }

    @Test
    void onlyResultsAndErrorsToAnUnansweredRequestAreAnswers() throws Exception {
        add(1, thingFull, "r1");

        assertThat(inbox.isAnswer(iq("result", "r1", "thing@example.org/device", "")))
                .isTrue();
        assertThat(inbox.isAnswer(iq("error", "r1", "thing@example.org/device", FORBIDDEN)))
                .isTrue();
        assertThat(inbox.isAnswer(iq("get", "r1", "thing@example.org/device", "<x xmlns='urn:x'/>")))
                .isFalse();
        assertThat(inbox.isAnswer(iq("set", "r1", "thing@example.org/device", "<x xmlns='urn:x'/>")))
                .isFalse();
        assertThat(inbox.isAnswer(iq("result", "other", "thing@example.org/device", "")))
                .isFalse();
        assertThat(inbox.isAnswer(message("thing@example.org/device", fieldsXml(1, true, "A"))))
                .isFalse();
        IQ withoutId = (IQ) iq("result", "x", "thing@example.org/device", "");
        withoutId.setStanzaId(null);
        assertThat(inbox.isAnswer(withoutId)).isFalse();
    }

    @Test
    void anAcceptanceCountsOnceAndOnlyFromTheJidAsked() throws Exception {
        ClientReadout r = add(1, thingFull, "r1");

        answer(iq("result", "r1", "mallory@example.org/x", "<accepted xmlns='" + NS + "' seqnr='1'/>"));
        answer(iq("result", "r1", "thing@example.org/elsewhere", "<accepted xmlns='" + NS + "' seqnr='1'/>"));
        assertThat(r.accepted()).as("not from the JID asked").isNotDone();
        assertThat(inbox.isAnswer(iq("result", "r1", "thing@example.org/device", "")))
                .isTrue();

        answer(iq(
                "result", "r1", "thing@example.org/device", "<accepted xmlns='" + NS + "' seqnr='1' queued='true'/>"));

        assertThat(r.accepted()).isCompletedWithValue(true);
        assertThat(inbox.isAnswer(iq("error", "r1", "thing@example.org/device", FORBIDDEN)))
                .as("answered: a second answer is not taken")
                .isFalse();
        inbox.onAnswer(iq(
                "error",
                "r1",
                "thing@example.org/device",
                "<error type='cancel'><forbidden" + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"));
        assertThat(r.result()).isNotDone();
    }

    @Test
    void aResultWithoutPayloadIsAnAcceptanceNotQueued() throws Exception {
        ClientReadout r = add(1, thingFull, "r1");

        answer(iq("result", "r1", "thing@example.org/device", ""));

        assertThat(r.accepted()).isCompletedWithValue(false);
        assertThat(r.result()).isNotDone();
        assertThat(inbox.active()).containsExactly(r);
    }

    @Test
    void aRequestToABareJidTakesAnswersFromAnyOfItsResources() throws Exception {
        ClientReadout r = add(1, thing, "r1");

        answer(iq("result", "r1", "other@example.org/device", ""));
        assertThat(r.accepted()).isNotDone();
        answer(iq("result", "r1", "thing@example.org/any", ""));

        assertThat(r.accepted()).isCompletedWithValue(false);
        assertThat((Object) r.respondent()).isEqualTo(JidCreate.from("thing@example.org/any"));
    }

    @Test
    void anErrorAnswerFailsTheReadoutWithItsCondition() throws Exception {
        ClientReadout r = add(1, thingFull, "r1");

        answer(iq(
                "error",
                "r1",
                "thing@example.org/device",
                "<error type='cancel'><item-not-found"
                        + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/><text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>"
                        + "unknown node(s): [X]</text></error>"));

        IotErrorException e = failure(r.result());
        assertThat(e.condition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(e.getMessage()).contains("unknown node(s): [X]");
        assertThat(ends).hasValue(1);
    }

    @Test
    void theObsoleteRejectedIsForbiddenWithItsTextOrAGenericOne() throws Exception {
        IotErrorException withText = ClientInbox.errorOf((IQ) iq(
                "error",
                "a",
                "thing@example.org/device",
                "<rejected xmlns='" + NS + "' seqnr='1'><error>Access" + " denied.</error></rejected>"));
        assertThat(withText.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(withText.getMessage()).isEqualTo("Access denied.");

        IotErrorException withoutText = ClientInbox.errorOf(
                (IQ) iq("error", "b", "thing@example.org/device", "<rejected xmlns='" + NS + "' seqnr='1'/>"));
        assertThat(withoutText.condition()).isEqualTo(StanzaError.Condition.forbidden);
        assertThat(withoutText.getMessage()).isEqualTo("read-out rejected");
    }

    @Test
    void anErrorWithoutAnErrorElementIsAnUndefinedCondition() throws Exception {
        IQ bare = new EmptyResultIQ();
        bare.setType(IQ.Type.error); // Smack's parser never makes one, a peer's own IQ class might

        IotErrorException e = ClientInbox.errorOf(bare);

        assertThat(e.condition()).isEqualTo(StanzaError.Condition.undefined_condition);
        assertThat(e.type()).isEqualTo(StanzaError.Type.CANCEL);
        assertThat(e.getMessage()).contains("without an <error/> element");
    }

    @Test
    void readoutMessagesGoToTheirReadoutBySeqnr() throws Exception {
        ClientReadout one = add(1, thingFull, "r1");
        ClientReadout two = add(2, thingFull, "r2");

        inbox.onMessage(message(
                "thing@example.org/device",
                "<started xmlns='" + NS + "' seqnr='2'/>" + fieldsXml(1, false, "A") + fieldsXml(2, false, "B")
                        + "<body>not a read-out</body>"));
        inbox.onMessage(message(
                "thing@example.org/device",
                "<failure xmlns='" + NS + "' seqnr='1'><error nodeId='D1' timestamp='2013-03-07T16:24:30'>Timeout."
                        + "</error></failure><done xmlns='" + NS + "' seqnr='1'/>"));
        inbox.onMessage(message("thing@example.org/device", fieldsXml(3, true, "Nobody")));

        assertThat(one.result().getNow(null).fields())
                .extracting(ReadoutField::name)
                .containsExactly("A");
        assertThat(one.result().getNow(null).failures()).hasSize(1);
        assertThat(two.accepted()).as("started: accepted and queued").isCompletedWithValue(true);
        assertThat(two.result()).isNotDone();
        inbox.onMessage(message("thing@example.org/device", fieldsXml(2, true, "C")));
        assertThat(two.result().getNow(null).fields())
                .extracting(ReadoutField::name)
                .containsExactly("B", "C");
    }

    @Test
    void readoutMessagesFromAnotherJidOrWithoutSenderAreIgnored() throws Exception {
        ClientReadout r = add(1, thingFull, "r1");

        inbox.onMessage(message("mallory@example.org/device", fieldsXml(1, true, "Fake")));
        inbox.onMessage(message("thing@example.org/other", fieldsXml(1, true, "Fake")));
        inbox.onMessage(stanza(
                "<message xmlns='jabber:client' to='client@example.org/c'>" + fieldsXml(1, true, "X") + "</message>"));
        assertThat(r.result()).isNotDone();

        inbox.onMessage(message("thing@example.org/device", fieldsXml(1, true, "Real")));
        assertThat(r.result().getNow(null).fields())
                .extracting(ReadoutField::name)
                .containsExactly("Real");
    }

    @Test
    void aSeqnrInUseIsRefusedAndFreedOnRemoval() {
        ClientReadout first = add(1, thingFull, "r1");
        ClientReadout second =
                readout(1, thingFull, ReadoutRequest.builder().build(), ReadoutListener.NONE, calls::add);

        assertThat(inbox.add(1, "r2", second)).isFalse();
        assertThat(inbox.active()).containsExactly(first);

        inbox.remove(1, "r1");

        assertThat(inbox.active()).isEmpty();
        assertThat(inbox.add(1, "r2", second)).isTrue();
        assertThat(inbox.active()).containsExactly(second);
    }

    @Test
    void aRemovedReadoutTakesNoAnswer() throws Exception {
        add(1, thingFull, "r1");

        inbox.remove(1, "r1");

        assertThat(inbox.isAnswer(iq("result", "r1", "thing@example.org/device", "")))
                .isFalse();
    }
}
