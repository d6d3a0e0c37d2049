package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.NumericValue;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Table layouts shared by the commands and the demo. */
public final class Tables {

    /** Columns of a read-out. */
    public static final List<String> READOUT_COLUMNS =
            List.of("node", "field", "value", "unit", "timestamp", "categories");

    private Tables() {}

    /**
     * The rows of a read-out, one per field value.
     *
     * @param readout the read-out
     * @return rows matching {@link #READOUT_COLUMNS}
     */
    public static List<List<Object>> readout(Readout readout) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReadoutField f : readout.fields()) {
            String unit = f.field().value() instanceof NumericValue n ? n.unit() : null;
            rows.add(List.of(
                    f.node() == null ? "" : f.node().nodeId(),
                    f.name(),
                    f.field().value().lexical(),
                    unit == null ? "" : unit,
                    f.timestamp() == null ? "" : f.timestamp().lexical(),
                    f.field().categories().stream()
                            .map(FieldCategory::attribute)
                            .collect(Collectors.joining(","))));
        }
        return rows;
    }
}
