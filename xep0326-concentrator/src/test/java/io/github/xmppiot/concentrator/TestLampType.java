package io.github.xmppiot.concentrator;

import io.github.xmppiot.concentrator.element.QueryEvent;
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
        return List.of(
                NodeParameterSpec.required("address", "Address:", ValueType.INT)
                        .withRange(new IntValue(1), new IntValue(250)),
                NodeParameterSpec.required("serial", "Serial Number:", ValueType.STRING)
                        .asReadOnly(),
                new NodeParameterSpec(
                        "room", "Room:", ValueType.STRING, false, null, null, null, List.of(), false, null));
    }

    @Override
    public Thing create(NodeRef node, Map<String, Value> configuration) {
        AtomicBoolean on = new AtomicBoolean();
        return Thing.builder(node)
                .sensor(Sensor.of("address", () -> configuration.get("address")))
                .parameter(ControlParameter.builder("on", ValueType.BOOLEAN)
                        .current(() -> BooleanValue.of(on.get()))
                        .onSetAsync(v -> {
                            on.set(((BooleanValue) v).value());
                            return CompletableFuture.completedFuture(null);
                        })
                        .build())
                .build();
    }

    @Override
    public List<NodeCommandSpec> commands() {
        return List.of(
                new NodeCommandSpec(
                        "toggle",
                        "Toggle",
                        List.of(),
                        (thing, p) -> thing.parameter("on")
                                .orElseThrow()
                                .apply(BooleanValue.of(!((BooleanValue) thing.parameter("on")
                                                .get()
                                                .currentValue()
                                                .get())
                                        .value()))),
                new NodeCommandSpec(
                        "fail",
                        "Fail",
                        List.of(),
                        (thing, p) -> CompletableFuture.failedFuture(
                                new IllegalStateException("lamp " + thing.node().nodeId() + " is broken"))),
                NodeCommandSpec.query(
                        "history",
                        "History",
                        List.of(NodeParameterSpec.required("rows", "Rows:", ValueType.INT)
                                .withRange(new IntValue(1), new IntValue(100))),
                        TestLampType::history),
                NodeCommandSpec.query("watch", "Watch", List.of(), (thing, p, ctx) -> {
                    ctx.status("watching " + thing.node().nodeId());
                    return new CompletableFuture<>(); // runs until aborted
                }));
    }

    /** A report: title, a section with a table of {@code rows} records and a message. */
    static CompletableFuture<Void> history(Thing thing, Map<String, Value> p, QueryContext ctx) {
        int rows = ((IntValue) p.get("rows")).value();
        ctx.title("History of " + thing.node().nodeId());
        ctx.beginSection("Switching");
        ctx.newTable(
                "t1",
                "Events",
                List.of(
                        new QueryEvent.Column("n", "Nr", null, null, null, null, "Right", 0),
                        new QueryEvent.Column("on", "On", null, null, null, null, null, null)));
        List<List<QueryEvent.Cell>> records = new java.util.ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            records.add(List.of(QueryEvent.Cell.of(new IntValue(i)), QueryEvent.Cell.of(BooleanValue.of(i % 2 == 0))));
        }
        ctx.records("t1", records);
        ctx.tableDone("t1");
        ctx.endSection();
        ctx.message("Information", "Minor", rows + " events");
        return CompletableFuture.completedFuture(null);
    }
}
