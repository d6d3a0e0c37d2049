package io.github.xmppiot.benchmarks;

import io.github.xmppiot.sensordata.Readout;
import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.testkit.EjabberdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * The ratio rows of {@link EndToEnd} on the second server, ejabberd (plaintext, like the Prosody rows, started by the
 * test kit in the same run): read-out and wire floor against the ping, sequential medians and p99, and sustained
 * read-outs against sustained pings, with ejabberd's CPU per operation (its Erlang VM, found by its private
 * directory). The JIT is warm from the Prosody part; a shorter warm-up on the new connections follows.
 */
final class EjabberdRows {

    private final List<String[]> rows = new ArrayList<>();

    private EjabberdRows() {}

    /**
     * Measures and returns the rows, in {@link EndToEnd}'s column layout.
     *
     * @param rounds   sequential rounds
     * @param inFlight pipelined requests
     * @param round    one throughput round
     * @param warmUp   warm-up time
     * @return the rows
     * @throws Exception if a measurement fails
     */
    static List<String[]> measure(int rounds, int inFlight, Duration round, Duration warmUp) throws Exception {
        EjabberdRows r = new EjabberdRows();
        try (EjabberdServer server = EjabberdServer.start("info", false)) {
            r.run(server, rounds, inFlight, round, warmUp);
        }
        return r.rows;
    }

    private void run(EjabberdServer server, int rounds, int inFlight, Duration round, Duration warmUp)
            throws Exception {
        XMPPTCPConnection thing = server.connect("ejthing");
        BenchThings.serve(thing);
        WireFloor.OURS.serve(thing);
        XMPPTCPConnection client = server.connect("ejclient");
        SensorDataClient readClient = SensorDataClient.getInstanceFor(client);
        Jid target = thing.getUser();
        Measure.Op ping = () -> EndToEnd.ping(client, target);
        Measure.Op read = () -> readClient.read(target, BenchThings.MOMENTARY).thenApply(EjabberdRows::checkFields);
        Measure.Op floor = WireFloor.OURS.client(client, target);
        System.err.println("[bench] ejabberd: warm-up " + warmUp.toSeconds() + " s, then " + rounds + " rounds");
        Measure.warmUp(new Measure.Op[] {ping, read, floor}, inFlight, warmUp);
        Stats[] seq = Measure.alternating(rounds, ping, read, floor);
        row(
                "ejabberd: read-out of 10 fields, sequential, median",
                seq[1].medianMicros(),
                "ping",
                seq[0].medianMicros());
        row("ejabberd: read-out of 10 fields, sequential, p99", seq[1].p99Micros(), "ping", seq[0].p99Micros());
        row("ejabberd:   wire floor, median", seq[2].medianMicros(), "ping", seq[0].medianMicros());
        row("ejabberd:   read-out over the wire floor, median", seq[1].medianMicros(), "floor", seq[2].medianMicros());
        Measure.Rate[] rates = Measure.pipelinedRounds(
                new Measure.Op[] {read, ping, floor}, inFlight, round, 2, new CpuMeter(server.directory()));
        rows.add(new String[] {
            "ejabberd: read-outs/s, " + inFlight + " in flight",
            String.format(Locale.ROOT, "%.0f/s", rates[0].perSecond()),
            String.format(Locale.ROOT, "ping %.0f/s", rates[1].perSecond()),
            String.format(Locale.ROOT, "%.2f×", rates[0].perSecond() / rates[1].perSecond()),
            "—",
            ""
        });
        row(
                "ejabberd:   server CPU per read-out, pipelined",
                rates[0].prosodyMicrosPerOp(),
                "ping",
                rates[1].prosodyMicrosPerOp());
        row(
                "ejabberd:   server CPU per wire floor, pipelined",
                rates[2].prosodyMicrosPerOp(),
                "ping",
                rates[1].prosodyMicrosPerOp());
    }

    private void row(String what, double micros, String baselineName, double baselineMicros) {
        rows.add(new String[] {
            what,
            String.format(Locale.ROOT, "%.0f µs", micros),
            String.format(Locale.ROOT, "%s %.0f µs", baselineName, baselineMicros),
            String.format(Locale.ROOT, "%.2f×", micros / baselineMicros),
            "—",
            ""
        });
    }

    private static Readout checkFields(Readout r) {
        if (r.fields().size() != BenchThings.FIELD_COUNT || r.hasFailures()) {
            throw new IllegalStateException("read-out on ejabberd returned "
                    + r.fields().size() + " fields, expected " + BenchThings.FIELD_COUNT);
        }
        return r;
    }
}
