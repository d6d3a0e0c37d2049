package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.sensordata.element.Req;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client side against a scripted Thing that sends exactly the stanzas a test injects (XEP-0323 §3; Smack's forms;
 * XEP-0324 example 14).
 */
class ClientBehaviourTest {

    private static final String NS = "urn:xmpp:iot:sensordata";
    private static final String CLIENT = "client@example.org/Test";

    private Link link;
    private SensorDataClient client;

    @BeforeEach
    void setUp() throws Exception {
        link = new Link();
        link.thing.registerIQRequestHandler(
                new AbstractIqRequestHandler(
                        Req.ELEMENT, NS, IQ.Type.get, org.jivesoftware.smack.iqrequest.IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ iqRequest) {
                        return null; // the test answers by injecting stanzas
                    }
                });
        client = SensorDataClient.getInstanceFor(link.client);
    }

    @AfterEach
    void tearDown() {
        link.close();
    }

    private ReadoutSession start(ReadoutRequest request) {
        return client.readout(link.thing.getUser(), request, ReadoutListener.NONE);
    }

    private Req awaitReq() throws InterruptedException {
        return (Req) link.thing.await(s -> s instanceof Req, Duration.ofSeconds(10));
    }

    private void message(String payload) {
        link.thing.inject("<message xmlns='jabber:client' to='" + CLIENT + "'>" + payload + "</message>");
    }

    private void accepted(Req req, String extra) {
        link.thing.inject("<iq xmlns='jabber:client' type='result' id='" + req.getStanzaId() + "' to='" + CLIENT
                + "'><accepted xmlns='" + NS + "' seqnr='" + req.seqnr() + "'" + extra + "/></iq>");
    }

    private static String temperature(String nodeId, String category, String name) {
        return "<node nodeId='" + nodeId + "'><timestamp value='2013-03-07T16:24:30'><numeric name='" + name + "' "
                + category + "='true' value='23.4' unit='°C'/></timestamp></node>";
    }

    @Test
    void fieldsBeforeAcceptedCountAsAcceptance() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().momentary().build());
        Req req = awaitReq();
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'>"
                + temperature("Device01", "momentary", "Temperature") + "</fields>");
        Readout r = s.result().get(10, TimeUnit.SECONDS);
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("Temperature");
        assertThat(s.accepted().get(10, TimeUnit.SECONDS)).isFalse();
        accepted(req, ""); // late acceptance is harmless
        assertThat(client.activeReadouts()).isZero();
    }

    @Test
    void collectsUntilTheDoneElement() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().momentary().build());
        Req req = awaitReq();
        accepted(req, "");
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "'>" + temperature("D1", "momentary", "A")
                + "</fields>");
        message("<failure xmlns='" + NS + "' seqnr='" + req.seqnr() + "'><error nodeId='D2' "
                + "timestamp='2013-03-07T17:13:30'>Timeout.</error></failure>");
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "'>" + temperature("D3", "momentary", "B")
                + "</fields>");
        assertThat(s.result()).isNotDone();
        message("<done xmlns='" + NS + "' seqnr='" + req.seqnr() + "'/>");
        Readout r = s.result().get(10, TimeUnit.SECONDS);
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("A", "B");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.node().nodeId()).isEqualTo("D2");
            assertThat(f.message()).isEqualTo("Timeout.");
            assertThat(f.timestampValue()).isPresent();
            assertThat(f.local()).isFalse();
        });
    }

    @Test
    void failureWithDoneEndsTheReadout() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().momentary().build());
        Req req = awaitReq();
        message("<failure xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='1'><error nodeId='Device01' "
                + "timestamp='2013-03-07T17:13:30'>Timeout.</error></failure>");
        assertThat(s.result().get(10, TimeUnit.SECONDS).failures()).hasSize(1);
    }

    @Test
    void filtersWhatItDidNotAskFor() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder()
                .momentary()
                .nodes("Device01")
                .fields("Temperature")
                .build());
        Req req = awaitReq();
        accepted(req, "");
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'>"
                + temperature("Device01", "momentary", "Temperature") + temperature("Device01", "status", "Temperature")
                + temperature("Device09", "momentary", "Temperature") + temperature("Device01", "momentary", "Other")
                + "</fields>");
        Readout r = s.result().get(10, TimeUnit.SECONDS);
        assertThat(r.fields()).hasSize(1);
        assertThat(r.discarded()).isEqualTo(3);
    }

    @Test
    void acceptsSmacksFieldForms() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().momentary().build());
        Req req = awaitReq();
        accepted(req, "");
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'><node>"
                + "<timestamp value='2016-10-01T12:00:00.123Z'><int name='temp' value='21'/>"
                + "<boolean name='on' value='true'/><bool name='off' value='0'/></timestamp></node></fields>");
        Readout r = s.result().get(10, TimeUnit.SECONDS);
        assertThat(r.fields())
                .extracting(f -> f.name() + "=" + f.field().value().lexical())
                .containsExactly("temp=21", "on=true", "off=false");
        assertThat(r.fields()).allMatch(f -> f.node() == null);
    }

    @Test
    void unreadableValuesAreReportedNotDropped() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().all().build());
        Req req = awaitReq();
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'><node nodeId='D'>"
                + "<timestamp value='2013-03-07T16:24:30'><int name='bad' value='abc'/><int name='good' value='1'/>"
                + "</timestamp></node></fields>");
        Readout r = s.result().get(10, TimeUnit.SECONDS);
        assertThat(r.fields()).extracting(ReadoutField::name).containsExactly("good");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.local()).isTrue();
            assertThat(f.message()).contains("bad").contains("abc");
        });
    }

    @Test
    void preDraft03TimeSpanIsADurationAndUnknownFieldElementsAreReported() throws Exception {
        // Slixmpp 1.8 follows XEP-0323 v0.2: <timeSpan/> is the old name of <duration/>
        ReadoutSession s = start(ReadoutRequest.builder().all().build());
        Req req = awaitReq();
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'><node nodeId='D'>"
                + "<timestamp value='2013-03-07T16:24:30'><timeSpan name='Uptime' value='PT1H2M' momentary='true'/>"
                + "<gauge name='Level' value='3'/><numeric name='T' value='1.5' unit='C' momentary='true'/>"
                + "</timestamp></node></fields>");
        Readout r = s.result().get(10, TimeUnit.SECONDS);
        assertThat(r.fields())
                .extracting(f -> f.name() + "=" + f.field().value().type() + ":"
                        + f.field().value().lexical())
                .containsExactly("Uptime=DURATION:PT1H2M", "T=NUMERIC:1.5");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.local()).isTrue();
            assertThat(f.message()).contains("<gauge/>").contains("'Level'").contains("ignored");
        });
    }

    @Test
    void obsoleteRejectedIsForbidden() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().momentary().build());
        Req req = awaitReq();
        link.thing.inject("<iq xmlns='jabber:client' type='error' id='" + req.getStanzaId() + "' to='" + CLIENT
                + "'><rejected xmlns='" + NS + "' seqnr='" + req.seqnr() + "'><error>Access denied.</error>"
                + "</rejected></iq>");
        assertThatThrownBy(() -> s.result().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(IotErrorException.class, e -> {
                    assertThat(e.condition()).isEqualTo(StanzaError.Condition.forbidden);
                    assertThat(e.getMessage()).isEqualTo("Access denied.");
                });
    }

    @Test
    void silentThingTimesOutWithAClearError() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder()
                .momentary()
                .timeout(Duration.ofMillis(300))
                .build());
        Req req = awaitReq();
        assertThatThrownBy(() -> s.result().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ReadoutTimeoutException.class)
                .hasMessageContaining("read-out " + req.seqnr())
                .hasMessageContaining(link.thing.getUser().toString());
        assertThat(client.activeReadouts()).isZero();
    }

    @Test
    void messagesFromOthersAreIgnored() throws Exception {
        ReadoutSession s = start(ReadoutRequest.builder().momentary().build());
        Req req = awaitReq();
        link.thing.inject("<message xmlns='jabber:client' from='mallory@example.org/x' to='" + CLIENT + "'>"
                + "<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'>"
                + temperature("Device01", "momentary", "Fake") + "</fields></message>");
        message("<fields xmlns='" + NS + "' seqnr='" + req.seqnr() + "' done='true'>"
                + temperature("Device01", "momentary", "Real") + "</fields>");
        assertThat(s.result().get(10, TimeUnit.SECONDS).fields())
                .extracting(ReadoutField::name)
                .containsExactly("Real");
    }

    @Test
    void sequenceNumbersAreUniqueAndTheRequestIsAnIqGet() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            start(ReadoutRequest.builder().momentary().build());
            Req req = awaitReq();
            assertThat(req.getType()).isEqualTo(IQ.Type.get);
            seen.add(req.seqnr());
        }
        assertThat(seen).hasSize(5);
        assertThat(client.activeReadouts()).isEqualTo(5);
    }
}
