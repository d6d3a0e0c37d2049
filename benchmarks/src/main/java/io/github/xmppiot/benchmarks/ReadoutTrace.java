package io.github.xmppiot.benchmarks;

import io.github.xmppiot.sensordata.SensorDataClient;
import io.github.xmppiot.sensordata.element.Accepted;
import io.github.xmppiot.sensordata.element.Fields;
import io.github.xmppiot.sensordata.element.Req;
import io.github.xmppiot.testkit.ProsodyOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jxmpp.jid.Jid;

/**
 * Diagnostic for the read-out latency target: timestamps each stanza of sequential read-outs and pings between two
 * connections in this JVM, where the thread that does it runs, and prints the median time of each step after the
 * request was sent. Sends are timed by stanza-interceptor filters (the sending thread, just before the stanza is
 * queued), arrivals by asynchronous stanza-listener filters (evaluated on Smack's reader thread as soon as the stanza is parsed, before collectors and other listeners), completion by
 * the future's callback. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.xmppiot.benchmarks.ReadoutTrace [rounds]}.
 */
public final class ReadoutTrace {

    private static final String[] STEPS = {
        "client sends req/ping",
        "thing sends accepted/pong",
        "thing sends fields",
        "client reader gets accepted/pong",
        "client reader gets fields",
        "future completes"
    };

    private volatile long[] current = new long[STEPS.length];

    private ReadoutTrace() {}

    /**
     * Runs the trace.
     *
     * @param args optional number of rounds (default 500)
     * @throws Exception if a read-out fails
     */
    public static void main(String[] args) throws Exception {
        SmackIsolation.disableSmackExperimental();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        try (ProsodyServer server = ProsodyServer.start(
                ProsodyOptions.builder().tls(false).logLevel("info").build())) {
            System.err.println("[trace] " + server);
            new ReadoutTrace().run(server, rounds);
        }
        System.exit(0);
    }

    // addStanzaInterceptor is deprecated in favour of message/presence interceptors, but it is Smack 4.4's only hook
    // that sees outgoing IQs in the sending thread.
    @SuppressWarnings("deprecation")
    private void run(ProsodyServer server, int rounds) throws Exception {
        XMPPTCPConnection thing = server.connect("thing");
        BenchThings.serve(thing);
        XMPPTCPConnection client = server.connect("client");
        SensorDataClient sd = SensorDataClient.getInstanceFor(client);
        Jid target = thing.getUser();
        client.addStanzaInterceptor(s -> {}, s -> mark(0, s instanceof Req || s instanceof Ping));
        thing.addStanzaInterceptor(
                s -> {},
                s -> mark(1, s instanceof Accepted || s instanceof IQ && ((IQ) s).getType() == IQ.Type.result));
        thing.addStanzaInterceptor(s -> {}, s -> mark(2, isFields(s)));
        client.addAsyncStanzaListener(s -> {}, s -> mark(3, s instanceof IQ && ((IQ) s).getType() == IQ.Type.result));
        client.addAsyncStanzaListener(s -> {}, s -> mark(4, isFields(s)));
        long[][] read = new long[rounds][];
        long[][] ping = new long[rounds][];
        for (int i = -rounds / 4; i < rounds; i++) {
            current = new long[STEPS.length];
            CompletableFuture<Object> pong = new CompletableFuture<>();
            client.sendIqRequestAsync(new Ping(target), 10_000)
                    .onSuccess(pong::complete)
                    .onError(pong::completeExceptionally);
            pong.thenRun(() -> mark(5, true)).get(10, TimeUnit.SECONDS);
            if (i >= 0) {
                ping[i] = current;
            }
            current = new long[STEPS.length];
            sd.read(target, BenchThings.MOMENTARY).thenRun(() -> mark(5, true)).get(10, TimeUnit.SECONDS);
            if (i >= 0) {
                read[i] = current;
            }
        }
        print("ping", ping);
        print("read-out", read);
    }

    private static boolean isFields(Stanza s) {
        return s instanceof Message && s.hasExtension(Fields.ELEMENT, Fields.NAMESPACE);
    }

    private boolean mark(int step, boolean matches) {
        long[] c = current;
        if (matches && c[step] == 0) {
            c[step] = System.nanoTime();
        }
        return false;
    }

    private static void print(String what, long[][] samples) {
        System.out.println(what + " (median µs after the client sent the request):");
        for (int step = 1; step < STEPS.length; step++) {
            long[] d = new long[samples.length];
            int n = 0;
            for (long[] s : samples) {
                if (s[step] != 0 && s[0] != 0) {
                    d[n++] = s[step] - s[0];
                }
            }
            if (n > 0) {
                Stats st = Stats.of(java.util.Arrays.copyOf(d, n));
                System.out.printf(
                        Locale.ROOT, "  %-34s %8.0f  (p99 %8.0f)%n", STEPS[step], st.medianMicros(), st.p99Micros());
            }
        }
    }
}
