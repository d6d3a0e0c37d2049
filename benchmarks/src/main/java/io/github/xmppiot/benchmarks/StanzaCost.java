package io.github.xmppiot.benchmarks;

import io.github.xmppiot.testkit.ProsodyOptions;
import io.github.xmppiot.testkit.ProsodyServer;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * What one message costs Prosody, by payload: sends batches of messages with a pre-rendered payload from one
 * connection to another through a test-kit Prosody and divides Prosody's CPU time by the number of messages. Shows
 * that the server's cost grows with the number of XML elements and attributes far more than with the number of
 * characters, which is why a ten-field read-out costs Prosody about three pings whatever the client and Thing do.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.xmppiot.benchmarks.StanzaCost [messages]}.
 */
public final class StanzaCost {

    private static final String FIELDS = FieldsBenchmark.oursElement().toXML().toString();

    private StanzaCost() {}

    /**
     * Runs the measurement and prints one line per payload, twice.
     *
     * @param args optional number of messages per payload (default 10000)
     * @throws Exception if messages are lost
     */
    public static void main(String[] args) throws Exception {
        SmackIsolation.disableSmackExperimental();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String[][] payloads = {
            {"empty element", "<x xmlns='urn:test'/>"},
            {"our fields, 10 fields", FIELDS},
            {"  without automaticReadout", FIELDS.replace(" automaticReadout='true'", "")},
            {
                "  without automaticReadout and momentary",
                FIELDS.replace(" automaticReadout='true'", "").replace(" momentary='true'", "")
            },
            {
                "Smack's fields, same values",
                FieldsBenchmark.smackElement().toXML().toString()
            },
            {"text of the same length", "<x xmlns='urn:test'>" + "a".repeat(FIELDS.length() - 30) + "</x>"},
            {"22 empty child elements", "<x xmlns='urn:test'>" + "<y/>".repeat(22) + "</x>"},
        };
        try (ProsodyServer server = ProsodyServer.start(
                ProsodyOptions.builder().tls(false).logLevel("info").build())) {
            XMPPTCPConnection from = server.connect("sender");
            XMPPTCPConnection to = server.connect("receiver");
            CpuMeter cpu = new CpuMeter(server.directory());
            Semaphore received = new Semaphore(0);
            to.addSyncStanzaListener(s -> received.release(), s -> s instanceof Message);
            System.out.println("| Payload | Characters | Prosody CPU per message |");
            System.out.println("|---|---:|---:|");
            for (int pass = 0; pass < 2; pass++) {
                for (String[] p : payloads) {
                    long p0 = cpu.prosodyNanos();
                    for (int i = 0; i < n; i += 50) {
                        for (int j = 0; j < 50; j++) {
                            Message m = from.getStanzaFactory()
                                    .buildMessageStanza()
                                    .to(to.getUser())
                                    .addExtension(WireFloor.raw("urn:test", "x", p[1]))
                                    .build();
                            from.sendStanza(m);
                        }
                        if (!received.tryAcquire(50, 20, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("messages lost");
                        }
                    }
                    if (pass == 1) {
                        System.out.printf(
                                Locale.ROOT,
                                "| %s | %d | %.0f µs |%n",
                                p[0],
                                p[1].length(),
                                (cpu.prosodyNanos() - p0) / 1000.0 / n);
                    }
                }
            }
        }
        System.exit(0);
    }
}
