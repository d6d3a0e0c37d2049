package io.github.xmppiot.concentrator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.control.ControlClient;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.IotConnection;
import io.github.xmppiot.core.connection.ReconnectPolicy;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import io.github.xmppiot.testkit.ConnectionEventRecorder;
import io.github.xmppiot.testkit.EjabberdServer;
import io.github.xmppiot.testkit.EjabberdTest;
import io.github.xmppiot.testkit.Friendship;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;

/**
 * A Thing (XEP-0323 read-outs, XEP-0325 control) and its client on ejabberd, with the SDK's reconnection policy
 * (backoff capped at 2 s): after a clean restart and a {@code kill -9} of ejabberd (the kit's {@link EjabberdServer#restart()} and
 * {@link EjabberdServer#kill()}), the Thing answers a read-out again within 5 s of ejabberd accepting connections,
 * with a fresh session and the same full JID, and the value set before the fault is still in force.
 */
@EjabberdTest
class EjabberdThingChaosIT {

    /** The goal of issue 14: answering again within 5 s of the server accepting connections. */
    static final Duration RECOVERY = Duration.ofSeconds(5);

    static final Duration GUARD = Duration.ofSeconds(30);
    /**
     * The default policy with its backoff capped at 2 s: an ejabberd restart keeps the server away for several seconds
     * (the Erlang VM stops and starts), and with the default cap of 60 s the next attempt after the server's return
     * comes within about half the outage (see docs/resilience.md), which can reach the 5 s goal by itself.
     */
    static final ReconnectPolicy POLICY =
            ReconnectPolicy.defaults().withDelays(Duration.ofSeconds(1), Duration.ofSeconds(2));

    @Test
    void theThingAnswersAgainWithinFiveSecondsAfterARestartAndAKill(EjabberdServer server) throws Exception {
        AtomicInteger setpoint = new AtomicInteger();
        Thing thing = Thing.builder("Device01")
                .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.5", "°C")))
                .parameter(ControlParameter.builder("Setpoint", ValueType.INT)
                        .current(() -> new IntValue(setpoint.get()))
                        .onSet(v -> setpoint.set(((IntValue) v).value()))
                        .build())
                .build();
        XMPPTCPConnection device = IotConnection.connect(server.iotConfigBuilder("chaos-thing")
                .resource("dev")
                .reconnect(POLICY)
                .build());
        XMPPTCPConnection client = IotConnection.connect(server.iotConfigBuilder("chaos-thing-client")
                .resource("app")
                .reconnect(POLICY)
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
        for (String fault : List.of("clean restart", "kill -9")) {
            value++;
            controller.set(to, "Setpoint", value).get(GUARD.toSeconds(), TimeUnit.SECONDS);
            long faultStart = System.nanoTime();
            if (fault.equals("kill -9")) {
                server.kill();
            } else {
                server.restart();
            }
            long accepting = System.nanoTime(); // restart() and kill() return once ejabberd accepts connections
            Duration recovery = untilAnswered(reader, to, momentary);
            System.out.printf(
                    "ejabberd %s: server away %d ms; the Thing answered again %d ms after ejabberd accepted"
                            + " connections%n",
                    fault,
                    TimeUnit.NANOSECONDS.toMillis(accepting - faultStart),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - accepting));
            assertThat(recovery).as(fault + ": read-out answered again").isLessThanOrEqualTo(RECOVERY);
            ConnectionEvent.Restored restored = deviceEvents.await(ConnectionEvent.Restored.class, GUARD);
            assertThat(restored.resumed())
                    .as(fault + ": ejabberd lost the session")
                    .isFalse();
            assertThat(restored.jid()).isEqualTo(to.toString());
            assertThat(setpoint.get())
                    .as(fault + ": the acknowledged value is kept")
                    .isEqualTo(value);
            controller.set(to, "Setpoint", 100 + value).get(GUARD.toSeconds(), TimeUnit.SECONDS);
            assertThat(setpoint.get()).as(fault + ": control works again").isEqualTo(100 + value);
        }
        device.disconnect();
        client.disconnect();
    }

    /** Reads until a read-out carries the Temperature field, within {@link #GUARD}; returns how long it took. */
    private static Duration untilAnswered(SensorDataClient reader, Jid to, ReadoutRequest request) {
        long start = System.nanoTime();
        long deadline = start + GUARD.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (reader.read(to, request)
                        .get(2, TimeUnit.SECONDS)
                        .field("Temperature")
                        .isPresent()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception e) {
                last = e;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling interval
        }
        throw new AssertionError("no read-out answered within " + GUARD + "; last error: " + last, last);
    }
}
