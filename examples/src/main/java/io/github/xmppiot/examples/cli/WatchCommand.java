package io.github.xmppiot.examples.cli;

import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.ReadoutRequest;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.SensorDataServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xmpp-iot watch}: reads a Thing periodically and prints the values that changed (XEP-0323). */
@Command(
        name = "watch",
        sortOptions = false,
        header = "Prints the values of a Thing as they change (XEP-0323).",
        description = {
            "Reads a Thing's momentary values periodically (XEP-0323) and prints each value when it changes,",
            "until interrupted (Ctrl-C) or --count read-outs were made. With --json: one JSON object per line.",
            "Keeps watching across reconnects and says when data stopped and resumed (exit code 3 if it gives up)."
        })
final class WatchCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "JID",
            description = "The Thing; a bare JID is resolved to its online" + " resource.")
    private String thing;

    @Option(names = "--node", paramLabel = "NODE", description = "Node id to watch (repeatable). Default: all.")
    private List<String> nodes = new ArrayList<>();

    @Option(names = "--field", paramLabel = "FIELD", description = "Field to watch (repeatable). Default: all.")
    private List<String> fields = new ArrayList<>();

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Seconds between read-outs. Default: ${DEFAULT-VALUE}.")
    private int interval;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N read-outs. Default: never.")
    private Integer count;

    @Mixin
    private ConnectionOptions connection;

    @Mixin
    private Output output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (interval < 1 || (count != null && count < 1)) {
            throw CliException.badInput("--interval and --count must be at least 1");
        }
        ReadoutRequest request = ReadCommand.request(nodes, fields, List.of(), null, null);
        PrintWriter out = spec.commandLine().getOut();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xmpp-iot-watch");
            t.setDaemon(true);
            return t;
        });
        try (Session s = Session.open(connection, spec.commandLine().getErr())) {
            Jid target = Targets.resolve(s, thing, SensorDataServer.NAMESPACE, spec);
            SensorDataClient client =
                    SensorDataClient.getInstanceFor(s.connection()).update(b -> b.defaultTimeout(s.timeout()));
            Map<String, String> last = new HashMap<>();
            if (!output.json()) {
                out.print(Output.table(Tables.READOUT_COLUMNS.subList(0, 5), List.of()));
            }
            PrintWriter notes = output.json() ? spec.commandLine().getErr() : out; // JSON lines stay parseable
            ConnectionEvents events = ConnectionEvents.watch(s.connection(), notes);
            boolean stopped = false;
            for (int n = 0; count == null || n < count; n++) {
                if (n > 0) {
                    timer.schedule(() -> {}, interval, TimeUnit.SECONDS).get();
                }
                Readout r;
                try {
                    r = Targets.await(
                            s, target, client.read(target, request), s.timeout().multipliedBy(2));
                } catch (Exception e) {
                    if (!ConnectionEvents.isConnectionLoss(e)) {
                        throw e;
                    }
                    if (!stopped) {
                        notes.println("data stopped: the connection was lost; waiting for it to come back");
                        notes.flush();
                    }
                    stopped = true;
                    events.awaitOnline();
                    n--;
                    continue;
                }
                if (stopped) {
                    notes.println("data resumed");
                    stopped = false;
                }
                print(out, r, last);
            }
            return 0;
        } finally {
            timer.shutdownNow();
        }
    }

    private void print(PrintWriter out, Readout readout, Map<String, String> last) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> all : Tables.readout(readout)) {
            List<Object> row = all.subList(0, 5);
            String key = row.get(0) + "/" + row.get(1);
            if (!String.valueOf(row.get(2)).equals(last.put(key, String.valueOf(row.get(2))))) {
                rows.add(row);
            }
        }
        if (output.json()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("thing", readout.thing().toString());
            List<Object> changed = new ArrayList<>();
            for (List<Object> r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int c = 0; c < r.size(); c++) {
                    m.put(Tables.READOUT_COLUMNS.get(c), r.get(c));
                }
                changed.add(m);
            }
            o.put("changed", changed);
            out.println(Output.toJson(o));
        } else {
            String table = Output.table(Tables.READOUT_COLUMNS.subList(0, 5), rows);
            out.print(table.substring(table.indexOf('\n') + 1));
        }
        readout.failures().forEach(e -> out.println("failure: " + e.message()));
        out.flush();
    }
}
