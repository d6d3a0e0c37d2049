package io.github.xmppiot.concentrator.chaos;

import static io.github.xmppiot.testkit.ConnectionEventRecorder.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionLostException;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.ReadoutListener;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.ReadoutSession;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.Fault;
import io.github.xmppiot.testkit.FaultProxy;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import io.github.xmppiot.testkit.ProsodyTest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * A Thing (XEP-0323 read-outs, XEP-0325 control) and its client, both with the SDK's default reconnection policy
 * and behind a {@link FaultProxy}, survive a clean server restart, a {@code kill -9} of the server and a 10 s network
 * cut: requests in flight at the fault fail at once with {@link ConnectionLostException}, the Thing answers again by
 * itself, and the value set before the fault is still in force.
 */
@ProsodyTest
class ThingChaosIT {

    /** A failure guard only: recovery is measured by the benchmarks, not asserted here. */
    static final Duration GUARD = Duration.ofSeconds(30);

    @Test
    void theThingAnswersAgainAfterEveryFault(ProsodyServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(server)) {
            AtomicInteger setpoint = new AtomicInteger();
            Thing thing = Thing.builder("Device01")
                    .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.5", "°C")))
                    .parameter(ControlParameter.builder("Setpoint", ValueType.INT)
                            .current(() -> new IntValue(setpoint.get()))
                            .onSet(v -> setpoint.set(((IntValue) v).value()))
                            .build())
                    .build();
            XMPPTCPConnection device = IotConnection.connect(server.iotConfigBuilder("chaos-thing")
                    .port(proxy.port())
                    .resource("dev")
                    .build());
            XMPPTCPConnection client = IotConnection.connect(server.iotConfigBuilder("chaos-thing-client")
                    .port(proxy.port())
                    .resource("app")
                    .build());
            SensorDataServer.getInstanceFor(device).update(b -> b.things(ThingDirectory.of(thing)));
            ControlServer.getInstanceFor(device).update(s -> s.things(ThingDirectory.of(thing)));
            Friendship.establish(device, client, GUARD);
            ConnectionEventRecorder deviceEvents = ConnectionEventRecorder.attach(device);
            Jid to = device.getUser();
            SensorDataClient reader = SensorDataClient.getInstanceFor(client);
            ControlClient controller = ControlClient.getInstanceFor(client);
            ReadoutRequest momentary = ReadoutRequest.builder().momentary().build();

            int value = 0;
            for (Fault fault : Fault.values()) {
                value++;
                controller.set(to, "Setpoint", value).get(GUARD.toSeconds(), TimeUnit.SECONDS);
                ReadoutSession later = reader.readout(
                        to,
                        ReadoutRequest.builder()
                                .momentary()
                                .when(Instant.now().plusSeconds(600))
                                .build(),
                        ReadoutListener.NONE);
                assertThat(later.accepted().get(GUARD.toSeconds(), TimeUnit.SECONDS))
                        .as("queued")
                        .isTrue();
                proxy.blackHole(GUARD, FaultProxy.Direction.TO_SERVER);
                CompletableFuture<?> read = reader.read(to, momentary);
                CompletableFuture<?> set = controller.set(to, "Setpoint", 1000 + value);
                CompletableFuture<?> queued = later.result();

                fault.inject(server, proxy);

                for (CompletableFuture<?> inFlight : java.util.List.of(read, set, queued)) {
                    assertThatThrownBy(() -> inFlight.get(GUARD.toSeconds(), TimeUnit.SECONDS))
                            .as(fault.toString())
                            .isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(ConnectionLostException.class);
                }
                eventually(
                        "a read-out after the " + fault,
                        GUARD,
                        () -> reader.read(to, momentary)
                                .get(5, TimeUnit.SECONDS)
                                .field("Temperature")
                                .isPresent());
                ConnectionEvent.Restored restored = deviceEvents.await(ConnectionEvent.Restored.class, GUARD);
                assertThat(restored.resumed())
                        .as(fault + ": XEP-0198 resumption only after a network cut")
                        .isEqualTo(fault == Fault.NETWORK_CUT);
                assertThat(restored.jid()).isEqualTo(to.toString());
                // the set that failed fast never takes effect, not even when the stream is resumed (network cut)
                assertThat(setpoint.get())
                        .as(fault + ": the acknowledged value is kept")
                        .isEqualTo(value);
                int expectedQueued = fault == Fault.NETWORK_CUT ? 1 : 0;
                assertThat(SensorDataServer.getInstanceFor(device).activeReadouts())
                        .as(fault + ": a queued read-out survives a resumed stream, is cancelled with a new session")
                        .isEqualTo(expectedQueued);
                assertThat(controller.set(to, "Setpoint", value).get(GUARD.toSeconds(), TimeUnit.SECONDS))
                        .isNotNull();
            }
            device.disconnect();
            client.disconnect();
        }
    }
}
