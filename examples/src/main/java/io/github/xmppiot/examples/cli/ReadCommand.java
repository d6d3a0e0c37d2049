package io.github.xmppiot.examples.cli;

import io.github.xmppiot.core.field.FieldCategory;
import io.github.xmppiot.core.value.DateTimeValue;
import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutFailure;
import io.github.xmppiot.sensordata.ReadoutListener;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.ReadoutRequestBuilder;
import io.github.xmppiot.sensordata.ReadoutSession;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot read}: one XEP-0323 read-out, printed as a table or JSON. */
@Command(name = "read", sortOptions = false, description = "Reads sensor data from a Thing (XEP-0323).")
final class ReadCommand implements Callable<Integer> {

    static final List<String> COLUMNS = Tables.READOUT_COLUMNS;

    @Parameters(
            index = "0",
            paramLabel = "JID",
            description = "The Thing; a bare JID is resolved to its online" + " resource.")
    private String thing;

    @Option(names = "--node", paramLabel = "NODE", description = "Node id to read (repeatable). Default: all.")
    private List<String> nodes = new ArrayList<>();

    @Option(names = "--field", paramLabel = "FIELD", description = "Field name to read (repeatable). Default: all.")
    private List<String> fields = new ArrayList<>();

    @Option(
            names = "--type",
            paramLabel = "TYPE",
            split = ",",
            description = "Field categories: momentary (default),"
                    + " peak, status, computed, identity, historical, historicalDay, ..., all.")
    private List<String> types = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATETIME", description = "Start of a historical range (xs:dateTime).")
    private String from;

    @Option(names = "--to", paramLabel = "DATETIME", description = "End of a historical range (xs:dateTime).")
    private String to;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReadoutRequest request = request(nodes, fields, types, from, to);
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s, thing, SensorDataServer.NAMESPACE, spec);
            s.progress().step("reading " + target + " ...");
            ReadoutSession session = SensorDataClient.getInstanceFor(s.connection())
                    .update(b -> b.defaultTimeout(s.timeout()))
                    .readout(target, request, ReadoutListener.NONE);
            Readout readout;
            try {
                readout = Targets.await(s, target, session.result(), s.timeout().multipliedBy(2));
            } catch (TimeoutException | ExecutionException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (!(cause instanceof TimeoutException)) {
                    throw e;
                }
                // accepted() completes normally (with whether the Thing queued the read-out) once it accepted
                boolean accepted =
                        session.accepted().isDone() && !session.accepted().isCompletedExceptionally();
                throw new CliException(
                        CliException.FAILED,
                        accepted
                                ? target + " accepted the read-out but sent no data within "
                                        + s.timeout().toSeconds()
                                        + " s: the device is slow or stuck; try a larger --timeout or fewer --field/--node,"
                                        + " or ask its owner to check it"
                                : target + " did not answer the read-out within "
                                        + s.timeout().toSeconds() + " s: is it"
                                        + " online, and does it serve sensor data (XEP-0323)? try a larger --timeout",
                        cause);
            }
            s.progress().clear();
            print(spec.commandLine().getOut(), readout);
            return readout.fields().isEmpty() && readout.hasFailures() ? CliException.FAILED : 0;
        }
    }

    /**
     * Builds the request from the options.
     *
     * @return the request
     * @throws CliException with {@link CliException#BAD_INPUT} on a malformed option
     */
    static ReadoutRequest request(List<String> nodes, List<String> fields, List<String> types, String from, String to) {
        ReadoutRequestBuilder b = ReadoutRequest.builder();
        Set<FieldCategory> categories = EnumSet.noneOf(FieldCategory.class);
        boolean all = false;
        boolean historical = false;
        for (String t : types) {
            switch (t) {
                case "all" -> all = true;
                case "historical" -> historical = true;
                default ->
                    categories.add(FieldCategory.fromAttribute(t)
                            .orElseThrow(() -> CliException.badInput("unknown --type '" + t + "'; use "
                                    + FieldCategory.MOMENTARY.attribute() + ", peak, status,"
                                    + " computed, identity, historical, historicalSecond ... historicalOther, all")));
            }
        }
        if (all) {
            b.all();
        }
        if (historical) {
            b.historical();
        }
        if (!categories.isEmpty()) {
            b.categories(categories.toArray(FieldCategory[]::new));
        }
        if (!all && !historical && categories.isEmpty()) {
            b.momentary();
        }
        if (!nodes.isEmpty()) {
            b.nodes(nodes.toArray(String[]::new));
        }
        if (!fields.isEmpty()) {
            b.fields(fields.toArray(String[]::new));
        }
        if (from != null) {
            b.from(dateTime("--from", from));
        }
        if (to != null) {
            b.to(dateTime("--to", to));
        }
        return b.build();
    }

    private static DateTimeValue dateTime(String option, String text) {
        try {
            return DateTimeValue.parse(text);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(option + " '" + text + "' is not an xs:dateTime like 2026-11-22T10:00:00Z");
        }
    }

    private void print(PrintWriter out, Readout readout) {
        List<List<Object>> rows = Tables.readout(readout);
        if (output.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("thing", readout.thing().toString());
            List<Object> list = new ArrayList<>();
            for (List<Object> r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    m.put(COLUMNS.get(i), r.get(i));
                }
                list.add(m);
            }
            o.put("fields", list);
            List<Object> failures = new ArrayList<>();
            for (ReadoutFailure e : readout.failures()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", e.node() == null ? null : e.node().nodeId());
                m.put("message", e.message());
                failures.add(m);
            }
            o.put("failures", failures);
            output.result(out, o, "");
            return;
        }
        output.rows(out, COLUMNS, rows);
        for (ReadoutFailure e : readout.failures()) {
            out.println("failure" + (e.node() == null ? "" : " at " + e.node().nodeId()) + ": " + e.message());
        }
        out.flush();
    }
}
