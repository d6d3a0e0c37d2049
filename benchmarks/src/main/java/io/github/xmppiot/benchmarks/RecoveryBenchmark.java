package io.github.xmppiot.benchmarks;

import io.github.xmppiot.core.connection.ConnectionEvent;
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
import io.github.xmppiot.testkit.Fault;
import io.github.xmppiot.testkit.FaultProxy;
import io.github.xmppiot.testkit.Friendship;
import io.github.xmppiot.testkit.ProsodyServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * Recovery time of a Thing after a clean server restart, a {@code kill -9} of the server and a 10 s network cut
 * (issue #14): from the moment the server accepts connections again (the network is back) until a client's
 * XEP-0323 read-out of the Thing succeeds. The Thing connects through a {@link FaultProxy} with the SDK's default
 * {@link ReconnectPolicy}; the client connects directly with a fast policy (100 ms to 500 ms), so that the figure is
 * the Thing's. Prints one Markdown row per fault: median and max of {@code bench.recoveryRuns} runs (default 5).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.xmppiot.benchmarks.RecoveryBenchmark
 * </pre>
 */
public final class RecoveryBenchmark {

    private static final Duration GUARD = Duration.ofSeconds(60);

    private RecoveryBenchmark() {}

    /**
     * Runs the measurement.
     *
     * @param args none
     * @throws Exception if a run does not recover within a minute
     */
    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.recoveryRuns", 5);
        try (ProsodyServer server = ProsodyServer.start();
                FaultProxy proxy = FaultProxy.to(server)) {
            XMPPTCPConnection device = IotConnection.connect(server.iotConfigBuilder("recovery-thing")
                    .port(proxy.port())
                    .resource("dev")
                    .build());
            XMPPTCPConnection client = IotConnection.connect(server.iotConfigBuilder("recovery-client")
                    .resource("app")
                    .reconnect(ReconnectPolicy.defaults().withDelays(Duration.ofMillis(100), Duration.ofMillis(500)))
                    .build());
            Thing thing = Thing.builder("Device01")
                    .sensor(Sensor.of("Temperature", () -> NumericValue.of("21.5", "°C")))
                    .build();
            SensorDataServer.getInstanceFor(device).update(b -> b.things(ThingDirectory.of(thing)));
            Friendship.establish(device, client, GUARD);
            ConnectionEventRecorder events = ConnectionEventRecorder.attach(device);
            Jid to = device.getUser();
            SensorDataClient reader = SensorDataClient.getInstanceFor(client);
            ReadoutRequest request = ReadoutRequest.builder().momentary().build();
            reader.read(to, request).get(10, TimeUnit.SECONDS);

            System.out.println("| Measurement | Median | Max | Runs | Sessions |");
            System.out.println("|---|---:|---:|---:|---|");
            for (Fault fault : Fault.values()) {
                long[] millis = new long[runs];
                int resumed = 0;
                for (int i = 0; i < runs; i++) {
                    fault.inject(server, proxy);
                    long start = System.nanoTime();
                    while (true) {
                        try {
                            reader.read(to, request).get(1, TimeUnit.SECONDS);
                            break;
                        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                            if (System.nanoTime() - start > GUARD.toNanos()) {
                                throw new IllegalStateException("no recovery within " + GUARD + " after " + fault, e);
                            }
                            // the next read-out is the next probe; a failed one returns at once while offline
                            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                        }
                    }
                    millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    if (events.await(ConnectionEvent.Restored.class, GUARD).resumed()) {
                        resumed++;
                    }
                }
                Arrays.sort(millis);
                System.out.printf(
                        Locale.ROOT,
                        "| Recovery after %s: server accepting connections → read-out"
                                + " answered | %d ms | %d ms | %d | %d resumed (XEP-0198), %d new |%n",
                        fault,
                        millis[runs / 2],
                        millis[runs - 1],
                        runs,
                        resumed,
                        runs - resumed);
                System.out.println("<!-- " + fault + ": " + Arrays.toString(millis) + " ms -->");
            }
            device.disconnect();
            client.disconnect();
        }
    }
}
