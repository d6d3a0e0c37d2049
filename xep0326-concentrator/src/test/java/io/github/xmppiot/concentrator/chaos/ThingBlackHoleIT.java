package io.github.xmppiot.concentrator.chaos;

import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.ReconnectPolicy;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.FaultProxy;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * A link that swallows every packet without closing anything (no RST, no FIN: a {@link FaultProxy} black hole in both
 * directions) is found dead by the Thing's keep-alive ping (XEP-0199), after which it reconnects by itself and answers
 * read-outs (XEP-0323) again. The keep-alive interval and the reply timeout are shortened from their defaults
 * ({@link ReconnectPolicy#DEFAULT_KEEP_ALIVE}) so that this takes seconds.
 */
@ProsodyTest
class ThingBlackHoleIT {

    /** A failure guard only. */
    static final Duration GUARD = Duration.ofSeconds(30);
    /** How long the link swallows everything: longer than the keep-alive interval plus the ping's reply timeout. */
    static final Duration HOLE = Duration.ofSeconds(8);

    @Test
    void theKeepAliveFindsASilentlyDeadLinkAndTheThingAnswersAgain(ProsodyServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server)) {
            Thing thing = Thing.builder("Device01")
                    .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.5", "°C")))
                    .build();
            XMPPTCPConnection device = IotConnection.connect(server.iotConfigBuilder("hole-thing")
                    .port(proxy.port())
                    .resource("dev")
                    .replyTimeout(Duration.ofSeconds(2))
                    .reconnect(ReconnectPolicy.defaults()
                            .withDelays(Duration.ofMillis(500), Duration.ofSeconds(2))
                            .withKeepAlive(Duration.ofSeconds(1)))
                    .build());
            // the client does not go through the proxy: only the Thing's link breaks
            XMPPTCPConnection client = IotConnection.connect(
                    server.iotConfigBuilder("hole-client").resource("app").build());
            SensorDataServer.getInstanceFor(device).update(b -> b.things(ThingDirectory.of(thing)));
            Friendship.establish(device, client, GUARD);
            ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
            Jid to = device.getUser();
            SensorDataClient reader = SensorDataClient.getInstanceFor(client);
            ReadoutRequest momentary = ReadoutRequest.builder().momentary().build();
            assertThat(reader.read(to, momentary)
                            .get(GUARD.toSeconds(), TimeUnit.SECONDS)
                            .field("Temperature"))
                    .as("before the fault")
                    .isPresent();

            proxy.blackHole(HOLE);

            ConnectionEvent.Offline offline = events.await(ConnectionEvent.Offline.class, GUARD);
            assertThat(offline.error())
                    .as("the cause names the keep-alive")
                    .hasValueSatisfying(e -> assertThat(e).hasMessageContaining("keep-alive ping"));
            assertThat(events.await(ConnectionEvent.Reconnecting.class, GUARD).attempt())
                    .isEqualTo(1);
            ConnectionEvent.Restored restored = events.await(ConnectionEvent.Restored.class, GUARD);
            assertThat(restored.jid()).as("the same full JID").isEqualTo(to.toString());
            assertThat(ConnectionSupervisor.getInstanceFor(device).state())
                    .isEqualTo(ConnectionSupervisor.State.ONLINE);
            eventually(
                    "a read-out after the black hole",
                    GUARD,
                    () -> reader.read(to, momentary)
                            .get(5, TimeUnit.SECONDS)
                            .field("Temperature")
                            .isPresent());
            device.disconnect();
            client.disconnect();
        }
    }
}
