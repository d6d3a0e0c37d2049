package io.github.xmppiot.concentrator;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.thing.ControlParameter;
import io.github.xmppiot.core.thing.Sensor;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** An in-memory lamp node type for tests: a bus address (1..250), a read-only serial number, an on/off parameter. */
final class TestLampType implements NodeType {

    static final String TYPE = "test.Lamp";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String name() {
        return "Lamp";
    }

    @Override
    public List<NodeParameterSpec> parameters() {
        return List.of(NodeParameterSpec.required("address", "Address:", ValueType.INT).withRange(new IntValue(1), new IntValue(250)),
                NodeParameterSpec.required("serial", "Serial Number:", ValueType.STRING).asReadOnly(),
                new NodeParameterSpec("room", "Room:", ValueType.STRING, false, null, null, null, List.of(), false, null));
    }

    @Override
    public Thing create(NodeRef node, Map<String, Value> configuration) {
        AtomicBoolean on = new AtomicBoolean();
        return Thing.builder(node)
                .sensor(Sensor.of("address", () -> configuration.get("address")))
                .parameter(ControlParameter.builder("on", ValueType.BOOLEAN).current(() -> BooleanValue.of(on.get()))
                        .onSetAsync(v -> {
                            on.set(((BooleanValue) v).value());
                            return CompletableFuture.completedFuture(null);
                        }).build())
                .build();
    }

    @Override
    public List<NodeCommandSpec> commands() {
        return List.of(new NodeCommandSpec("toggle", "Toggle", List.of(), (thing, p) -> thing.parameter("on").orElseThrow()
                .apply(BooleanValue.of(!((BooleanValue) thing.parameter("on").get().currentValue().get()).value()))));
    }
}
