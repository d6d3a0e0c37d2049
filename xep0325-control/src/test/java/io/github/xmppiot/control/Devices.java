package io.github.xmppiot.control;

import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.ColorValue;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.core.value.DateValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.DurationValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.TimeValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test devices whose actuator state is kept in maps; every write is also logged in order. */
final class Devices {

    /** Current state by "node/parameter". */
    final Map<String, Value> state = new ConcurrentHashMap<>();
    /** Every applied write, "node/parameter=lexical", in order. */
    final List<String> writes = new CopyOnWriteArrayList<>();

    ControlParameter.Builder param(String node, String name, ValueType type, Value initial) {
        String key = node + "/" + name;
        if (initial != null) {
            state.put(key, initial);
        }
        return ControlParameter.builder(name, type)
                .current(() -> state.get(key))
                .onSet(v -> {
                    state.put(key, v);
                    writes.add(key + "=" + v.lexical());
                });
    }

    /** The dimmer of XEP-0325 example 15. */
    Thing dimmer(String node) {
        return Thing.builder(node)
                .parameter(param(node, "FadeTimeMilliseconds", ValueType.INT, new IntValue(300))
                        .label("Fade Time (ms):")
                        .description("Time in milliseconds used to fade the light to the desired level.")
                        .range(new IntValue(0), new IntValue(4095))
                        .page("Output")
                        .build())
                .parameter(param(node, "OutputPercent", ValueType.INT, new IntValue(100))
                        .label("Output (%):")
                        .description("Dimmer output, in percent.")
                        .range(new IntValue(0), new IntValue(100))
                        .page("Output")
                        .build())
                .parameter(param(node, "MainSwitch", ValueType.BOOLEAN, BooleanValue.TRUE)
                        .label("Main switch")
                        .description("If the dimmer is turned on or off.")
                        .page("Output")
                        .build())
                .build();
    }

    /** The spotlight of XEP-0325 example 28. */
    Thing spotlight(String node) {
        return Thing.builder(node)
                .parameter(param(node, "MainSwitch", ValueType.BOOLEAN, BooleanValue.TRUE)
                        .label("Main switch")
                        .description("If the spotlight is turned on or off.")
                        .page("Output")
                        .build())
                .parameter(param(node, "HorizontalAngle", ValueType.DOUBLE, new DoubleValue(0))
                        .label("Horizontal angle:")
                        .description("Horizontal angle of the spotlight.")
                        .range(new DoubleValue(-180), new DoubleValue(180))
                        .group("direction")
                        .page("Direction")
                        .build())
                .parameter(param(node, "ElevationAngle", ValueType.DOUBLE, new DoubleValue(0))
                        .label("Elevation angle:")
                        .description("Elevation angle of the spotlight.")
                        .range(new DoubleValue(-90), new DoubleValue(90))
                        .group("direction")
                        .page("Direction")
                        .build())
                .build();
    }

    /** A digital output (XEP-0325 examples 19-25). */
    Thing digitalOutput(String node) {
        return Thing.builder(node)
                .parameter(param(node, "Output", ValueType.BOOLEAN, BooleanValue.FALSE)
                        .label("Output")
                        .description("If the digital output is high (checked) or low (uncheckd).")
                        .page("Output")
                        .build())
                .build();
    }

    /** An analog output whose "Output" is an int (example 21: a boolean is the wrong type for it). */
    Thing analogOutput(String node) {
        return Thing.builder(node)
                .parameter(param(node, "Output", ValueType.INT, new IntValue(0))
                        .range(new IntValue(0), new IntValue(65535))
                        .build())
                .build();
    }

    /** A device with one parameter of every control type. */
    Thing allTypes(String node) {
        return Thing.builder(node)
                .parameter(param(node, "boolean", ValueType.BOOLEAN, BooleanValue.FALSE)
                        .build())
                .parameter(param(node, "color", ValueType.COLOR, ColorValue.rgb(0, 0, 0))
                        .build())
                .parameter(param(node, "date", ValueType.DATE, DateValue.parse("2013-05-01"))
                        .build())
                .parameter(param(node, "dateTime", ValueType.DATE_TIME, DateTimeValue.parse("2013-04-02T08:00:00"))
                        .build())
                .parameter(param(node, "double", ValueType.DOUBLE, new DoubleValue(0))
                        .build())
                .parameter(param(node, "duration", ValueType.DURATION, DurationValue.parse("PT3M30S"))
                        .build())
                .parameter(param(node, "int", ValueType.INT, new IntValue(0)).build())
                .parameter(param(node, "long", ValueType.LONG, new LongValue(0)).build())
                .parameter(param(node, "string", ValueType.STRING, StringValue.of(""))
                        .maxLength(64)
                        .build())
                .parameter(param(node, "time", ValueType.TIME, TimeValue.parse("08:00:00"))
                        .build())
                .build();
    }
}
