package io.github.xmppiot.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.SocketFactory;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iot.Thing;
import org.jivesoftware.smackx.iot.control.IoTControlManager;
import org.jivesoftware.smackx.iot.data.IoTDataManager;
import org.jivesoftware.smackx.iot.data.element.IoTDataField;
import org.jivesoftware.smackx.iot.data.element.IoTFieldsExtension;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityFullJid;

/**
 * The benchmark modes of {@link SmackPeer}: Smack's IoT thing and client measured by Smack itself, so the benchmark
 * module can compare them with xmpp-iot in one run. Output lines: {@code READY jid},
 * {@code BENCH what median_us p99_us count}.
 */
final class SmackBench {

    /** Fields of the benchmark thing: ten momentary fields, five int and five boolean (the types Smack supports). */
    static final int FIELD_COUNT = 10;

    private SmackBench() {}

    static boolean noDelay(String socketMode) {
        switch (socketMode) {
            case "nodelay":
                return true;
            case "default":
                return false;
            default:
                throw new IllegalArgumentException("socket mode must be nodelay or default: " + socketMode);
        }
    }

    /** Socket factory that turns Nagle's algorithm off, like xmpp-iot's connection builder. */
    static final class NoDelaySocketFactory extends SocketFactory {
        private final SocketFactory delegate = SocketFactory.getDefault();

        private static Socket noDelay(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }
    }

    /** A Smack thing answering momentary read-outs with {@link #FIELD_COUNT} fields; runs until stdin closes. */
    static void thing(XMPPTCPConnection c) throws IOException {
        List<IoTDataField> fields = new ArrayList<>();
        for (int i = 0; i < FIELD_COUNT; i++) {
            fields.add(
                    i % 2 == 0
                            ? new IoTDataField.IntField("Int" + i, 1000 + i)
                            : new IoTDataField.BooleanField("Bool" + i, i % 3 == 0));
        }
        Thing thing = Thing.builder()
                .setKey("bench-key")
                .setSerialNumber("SN-BENCH")
                .setManufacturer("Smack")
                .setMomentaryReadOutRequestHandler(callback -> callback.momentaryReadOut(fields))
                .setControlRequestHandler((from, data) -> {})
                .build();
        IoTDataManager.getInstanceFor(c).installThing(thing);
        IoTControlManager.getInstanceFor(c).installThing(thing);
        IoTDataManager.getInstanceFor(c).setAllowNonFriends(true);
        IoTControlManager.getInstanceFor(c).setAllowNonFriends(true);
        System.out.println("READY " + c.getUser());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            // keep serving until the benchmark closes our stdin
        }
    }

    /** Minimum warm-up time of {@link #read}. */
    static final long WARM_UP_SECONDS = 20;

    /**
     * Sequential momentary read-outs of a Smack thing and XEP-0199 pings to it over the same connection, alternating
     * (ping, read-out) so both see the same load; first a warm-up of at least a quarter as many of each and at
     * least {@value #WARM_UP_SECONDS} s (the JIT compiler needs that long; xmpp-iot's side gets the same).
     */
    static void read(XMPPTCPConnection c, EntityFullJid thing, int n) throws Exception {
        IoTDataManager data = IoTDataManager.getInstanceFor(c);
        PingManager ping = PingManager.getInstanceFor(c);
        long[] pings = new long[n];
        long[] reads = new long[n];
        int warmup = Math.max(1, n / 4);
        long warmUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        for (int i = -warmup; i < n; i++) {
            if (i == -1 && System.nanoTime() < warmUntil) {
                i = -2; // keep warming up
            }
            long t0 = System.nanoTime();
            if (!ping.ping(thing)) {
                throw new IllegalStateException("ping to " + thing + " failed");
            }
            long t1 = System.nanoTime();
            List<IoTFieldsExtension> result = data.requestMomentaryValuesReadOut(thing);
            long t2 = System.nanoTime();
            int count = result.stream()
                    .flatMap(f -> f.getNodes().stream())
                    .flatMap(node -> node.getTimestampElements().stream())
                    .mapToInt(t -> t.getDataFields().size())
                    .sum();
            if (count != FIELD_COUNT) {
                throw new IllegalStateException("read " + count + " fields, expected " + FIELD_COUNT);
            }
            if (i >= 0) {
                pings[i] = t1 - t0;
                reads[i] = t2 - t1;
            }
        }
        report("ping", pings);
        report("read", reads);
        System.out.println("OK bench-read");
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        long p99 = sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)];
        System.out.println("BENCH " + what + " " + median / 1000 + " " + p99 / 1000 + " " + sorted.length);
    }
}
