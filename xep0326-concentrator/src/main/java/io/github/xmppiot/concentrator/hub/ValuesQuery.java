package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.concentrator.NodeCommandSpec;
import io.github.xmppiot.concentrator.QueryContext;
import io.github.xmppiot.concentrator.element.QueryEvent;
import io.github.xmppiot.core.field.FieldFailure;
import io.github.xmppiot.core.field.TimedField;
import io.github.xmppiot.core.thing.ReadScope;
import io.github.xmppiot.core.thing.Thing;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The {@code values} query every driver node offers (XEP-0326 §3.12 "Execute Node Query"): reads the node's momentary
 * values and reports them as one table (field, value, unit, timestamp); a field that could not be read becomes a
 * {@code queryMessage type='Error'}.
 */
final class ValuesQuery {

    /** The command id. */
    static final String COMMAND = "values";
    /** The table id. */
    static final String TABLE = "values";

    private ValuesQuery() {}

    static NodeCommandSpec spec(Clock clock) {
        return NodeCommandSpec.query(
                COMMAND, "Current values", List.of(), (thing, p, ctx) -> run(thing, p, ctx, clock));
    }

    private static CompletionStage<Void> run(
            Thing thing, Map<String, Value> parameters, QueryContext ctx, Clock clock) {
        ctx.title("Current values of " + thing.node().nodeId());
        return thing.read(ReadScope.MOMENTARY, clock).thenAccept(data -> {
            if (ctx.isAborted()) {
                return;
            }
            ctx.newTable(
                    TABLE,
                    "Values",
                    List.of(
                            column("field", "Field", null),
                            column("value", "Value", "Right"),
                            column("unit", "Unit", null),
                            column("timestamp", "Timestamp", null)));
            List<List<QueryEvent.Cell>> rows = new ArrayList<>();
            for (TimedField f : data.fields()) {
                Value v = f.field().value();
                String unit = v instanceof NumericValue n ? n.unit() : "";
                rows.add(List.of(
                        QueryEvent.Cell.of(new StringValue(f.field().name())),
                        QueryEvent.Cell.of(v),
                        QueryEvent.Cell.of(new StringValue(unit)),
                        QueryEvent.Cell.of(f.timestamp())));
            }
            ctx.records(TABLE, rows);
            ctx.tableDone(TABLE);
            for (FieldFailure e : data.failures()) {
                ctx.message("Error", "Medium", (e.fieldName() == null ? "" : e.fieldName() + ": ") + e.message());
            }
        });
    }

    private static QueryEvent.Column column(String id, String header, String alignment) {
        return new QueryEvent.Column(id, header, null, null, null, null, alignment, null);
    }
}
