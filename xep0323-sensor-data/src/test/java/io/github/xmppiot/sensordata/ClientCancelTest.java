package io.github.xmppiot.sensordata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.sensordata.element.Cancel;
import io.github.xmppiot.sensordata.element.Req;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's {@code cancel} (XEP-0323 §3.7) against a Thing that refuses it, and a read-out whose connection drops,
 * each against a scripted Thing over a {@link Link}.
 */
class ClientCancelTest {

    private static final String NS = "urn:xmpp:iot:sensordata";
    private static final String CLIENT = "client@example.org/Test";
    private static final long WAIT = 10;

    private Link link;
    private SensorDataClient client;

    @BeforeEach
    void setUp() throws Exception {
        link = new Link();
        link.thing.registerIQRequestHandler(
                new AbstractIqRequestHandler(Req.ELEMENT, NS, IQ.Type.get, IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        return null; // the test answers by injecting stanzas
                    }
                });
        link.thing.registerIQRequestHandler(
                new AbstractIqRequestHandler(Cancel.ELEMENT, NS, IQ.Type.get, IQRequestHandler.Mode.async) {
                    @Override
                    public IQ handleIQRequest(IQ request) {
                        return IQ.createErrorResponse(
                                request,
                                StanzaError.getBuilder(StanzaError.Condition.item_not_found)
                                        .setDescriptiveEnText("no such read-out")
                                        .build());
                    }
                });
        client = SensorDataClient.getInstanceFor(link.client);
    }

    @AfterEach
    void tearDown() {
        client.close();
        link.close();
    }

    private ReadoutSession accepted() throws Exception {
        ReadoutSession s = client.readout(
                link.thing.getUser(), ReadoutRequest.builder().momentary().build(), ReadoutListener.NONE);
        Req req = (Req) link.thing.await(x -> x instanceof Req, Duration.ofSeconds(WAIT));
        link.thing.inject("<iq xmlns='jabber:client' type='result' id='" + req.getStanzaId() + "' to='" + CLIENT
                + "'><accepted xmlns='" + NS + "' seqnr='" + req.seqnr() + "'/></iq>");
        assertThat(s.accepted().get(WAIT, TimeUnit.SECONDS)).isFalse();
        return s;
    }

    @Test
    void aCancelTheThingRefusesFailsWithItsErrorAndTheReadoutGoesOn() throws Exception {
        ReadoutSession s = accepted();

        CompletableFuture<Void> cancel = s.cancel();

        assertThatThrownBy(() -> cancel.get(WAIT, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(IotErrorException.class, e -> {
                    assertThat(e.condition()).isEqualTo(StanzaError.Condition.item_not_found);
                    assertThat(e.getMessage()).contains("no such read-out");
                });
        Cancel sent = (Cancel) link.thing.await(x -> x instanceof Cancel, Duration.ofSeconds(WAIT));
        assertThat(sent.seqnr()).isEqualTo(s.seqnr());
        assertThat(s.result()).as("the read-out goes on").isNotDone();
        link.thing.inject("<message xmlns='jabber:client' to='" + CLIENT + "'><done xmlns='" + NS + "' seqnr='"
                + s.seqnr() + "'/></message>");
        assertThat(s.result().get(WAIT, TimeUnit.SECONDS).fields()).isEmpty();
    }

    @Test
    void aClosedConnectionFailsTheReadoutAtOnce() throws Exception {
        ReadoutSession s = accepted();

        link.client.disconnect();

        Throwable why = s.result().handle((v, e) -> e).get(WAIT, TimeUnit.SECONDS);
        assertThat(why).isInstanceOf(ConnectionLostException.class);
        assertThat(client.activeReadouts()).isZero();
    }
}
