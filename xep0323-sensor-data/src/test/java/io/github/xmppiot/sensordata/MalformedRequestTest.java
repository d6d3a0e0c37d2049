package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.access.AccessPolicy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that break XEP-0323's rules are answered with IQ errors, never with silence (XEP-0323 §3.3). */
class MalformedRequestTest {

    private static final String NS = "urn:xmpp:iot:sensordata";
    private static final AtomicInteger IDS = new AtomicInteger();

    private Link link;
    private SensorDataServer server;

    @BeforeEach
    void setUp() throws Exception {
        link = new Link();
        server = SensorDataServer.getInstanceFor(link.thing)
                .update(b -> b.things(Fixtures.directory()).accessPolicy(AccessPolicy.allowEveryone()));
    }

    @AfterEach
    void tearDown() {
        link.close();
    }

    private IQ send(String type, String payload) throws InterruptedException {
        String id = "m" + IDS.incrementAndGet();
        link.client.inject("<iq xmlns='jabber:client' type='" + type + "' id='" + id + "' to='thing@example.org/Test'>"
                + payload + "</iq>");
        Stanza s = link.client.await(x -> x instanceof IQ && id.equals(x.getStanzaId()), Duration.ofSeconds(10));
        return (IQ) s;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<req xmlns='" + NS + "' momentary='true'/>",
                "<req xmlns='" + NS + "' seqnr='x1' momentary='true'/>",
                "<req xmlns='" + NS + "' seqnr='1' momentary='yes'/>",
                "<req xmlns='" + NS + "' seqnr='1' all='maybe'/>",
                "<req xmlns='" + NS + "' seqnr='1' historical='true' from='yesterday'/>",
                "<req xmlns='" + NS + "' seqnr='1' historical='true' to='2013-02-30T00:00:00'/>",
                "<req xmlns='" + NS + "' seqnr='1' when='2013-03-07 19:00:00'/>",
                "<req xmlns='" + NS + "' seqnr='1' from='2013-03-08T00:00:00' to='2013-03-07T00:00:00'/>",
                "<req xmlns='" + NS + "' seqnr='1' momentary='true'><node sourceId='S'/></req>",
                "<req xmlns='" + NS + "' seqnr='1' momentary='true'><field/></req>",
                "<cancel xmlns='" + NS + "'/>",
                "<cancel xmlns='" + NS + "' seqnr='one'/>"
            })
    void malformedIsBadRequest(String payload) throws Exception {
        IQ answer = send("get", payload);
        assertThat(answer.getType()).isEqualTo(IQ.Type.error);
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(answer.getError().getType()).isEqualTo(StanzaError.Type.MODIFY);
        assertThat(answer.getError().getDescriptiveText()).isNotBlank();
    }

    @Test
    void unknownAttributesAndChildrenAreTolerated() throws Exception {
        IQ answer = send(
                "get",
                "<req xmlns='" + NS + "' seqnr='7' momentary='1' futureFlag='true' xml:lang='en'>"
                        + "<node nodeId='Device02' extra='x'/><comment>hi</comment></req>");
        assertThat(answer.getType()).isEqualTo(IQ.Type.result);
        assertThat(answer.getChildElementName()).isEqualTo("accepted");
    }

    /** A {@code when} an hour ahead: queued, and within {@link ReadoutLimits#whenHorizon()}. */
    private static String inAnHour() {
        return java.time.Instant.now()
                .plus(Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    @Test
    void duplicateSeqnrInFlightIsBadRequest() throws Exception {
        String req = "<req xmlns='" + NS + "' seqnr='42' all='true' when='" + inAnHour() + "'/>";
        assertThat(send("get", req).getType()).isEqualTo(IQ.Type.result);
        IQ second = send("get", req);
        assertThat(second.getError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
        assertThat(server.activeReadouts()).isEqualTo(1);
    }

    @Test
    void cancelIsAcceptedAsSetAndGet() throws Exception {
        assertThat(send("get", "<req xmlns='" + NS + "' seqnr='9' all='true' when='" + inAnHour() + "'/>")
                        .getType())
                .isEqualTo(IQ.Type.result);
        IQ set = send("set", "<cancel xmlns='" + NS + "' seqnr='9'/>");
        assertThat(set.getChildElementName()).isEqualTo("cancelled");
        assertThat(server.activeReadouts()).isZero();
        IQ get = send("get", "<cancel xmlns='" + NS + "' seqnr='9'/>");
        assertThat(get.getChildElementName()).isEqualTo("cancelled");
    }

    @Test
    void reqInIqSetIsAnsweredToo() throws Exception {
        IQ answer = send("set", "<req xmlns='" + NS + "' seqnr='3' momentary='true'/>");
        assertThat(answer.getChildElementName()).isEqualTo("accepted");
    }
}
