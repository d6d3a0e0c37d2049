package io.github.xmppiot.benchmarks;

import io.github.xmppiot.control.ControlRequest;
import io.github.xmppiot.control.ControlServer;
import io.github.xmppiot.core.access.AccessPolicy;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.thing.ThingDirectory;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.XMPPConnection;

/**
 * The xmpp-iot Thing of the end-to-end benchmark: the same ten momentary fields as the JMH {@link FieldsBenchmark}
 * and Smack's benchmark thing (five {@code int}, five {@code boolean}), and eight control parameters (two each of
 * {@code boolean}, {@code int}, {@code long}, {@code double}), served by {@link SensorDataServer} and
 * {@link ControlServer} to everyone (access control is not what is measured). The sensors and the parameters are
 * two Things of the same node id, one in each server's directory, because parameters are readable as fields too.
 */
final class BenchThings {

    /** Fields per read-out. */
    static final int FIELD_COUNT = 10;

    /** The momentary read-out every benchmark requests. */
    static final ReadoutRequest MOMENTARY = ReadoutRequest.builder().momentary().build();

    private BenchThings() {}

    /**
     * Serves the benchmark Thing on a connection.
     *
     * @param connection the Thing's connection
     */
    static void serve(XMPPConnection connection) {
        Map<String, Value> state = new ConcurrentHashMap<>();
        Thing.Builder b = Thing.builder("Device01");
        // parameters are also readable as fields; a separate Thing keeps the read-out at exactly ten fields
        Thing.Builder c = Thing.builder("Device01");
        for (int i = 0; i < FIELD_COUNT; i++) {
            int k = i;
            b.sensor(
                    i % 2 == 0
                            ? Sensor.of("Int" + i, () -> new IntValue(1000 + k))
                            : Sensor.of("Bool" + i, () -> BooleanValue.of(k % 3 == 0)));
        }
        for (ValueType type : new ValueType[] {ValueType.BOOLEAN, ValueType.INT, ValueType.LONG, ValueType.DOUBLE}) {
            for (int i = 1; i <= 2; i++) {
                String name = type.name().toLowerCase(java.util.Locale.ROOT) + i;
                c.parameter(ControlParameter.builder(name, type)
                        .current(() -> state.get(name))
                        .onSet(v -> state.put(name, v))
                        .build());
            }
        }
        SensorDataServer.getInstanceFor(connection)
                .update(s -> s.things(ThingDirectory.of(b.build())).accessPolicy(AccessPolicy.allowEveryone()));
        ControlServer.getInstanceFor(connection)
                .update(s -> s.things(ThingDirectory.of(c.build())).accessPolicy(AccessPolicy.allowEveryone()));
    }

    /** @return a request setting all eight parameters at once */
    static ControlRequest setAll() {
        return ControlRequest.builder()
                .set("boolean1", true)
                .set("boolean2", false)
                .set("int1", 42)
                .set("int2", -7)
                .set("long1", 9_000_000_000L)
                .set("long2", 12L)
                .set("double1", 21.5)
                .set("double2", 0.25)
                .build();
    }
}
