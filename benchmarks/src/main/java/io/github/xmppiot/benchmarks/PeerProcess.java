package io.github.xmppiot.benchmarks;

import io.github.xmppiot.testkit.ProsodyServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Smack's own IoT implementation in a separate JVM ({@code interop-smack-peer}'s {@code smack-peer.jar}), so its
 * managers and providers never meet xmpp-iot's.
 */
final class PeerProcess implements AutoCloseable {

    /** System property naming the peer jar; default {@value #DEFAULT_JAR}. */
    static final String JAR_PROPERTY = "bench.smackPeerJar";
    /** Where the peer jar is built, relative to the repository root. */
    static final String DEFAULT_JAR = "interop-smack-peer/target/smack-peer.jar";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private PeerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("ERROR " + e);
                    }
                    lines.add("EOF");
                },
                "smack-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the peer jar, if it was built */
    static Path jar() {
        Path jar = Paths.get(System.getProperty(JAR_PROPERTY, DEFAULT_JAR));
        return Files.isRegularFile(jar) ? jar : null;
    }

    /**
     * Starts the peer as a user of the server (the account is created first).
     *
     * @param server the server
     * @param user   the local part
     * @param mode   the peer mode and its arguments
     * @return the running peer
     * @throws IOException if the JVM cannot be started
     */
    static PeerProcess start(ProsodyServer server, String user, String... mode) throws IOException {
        server.ensureAccount(user);
        List<String> cmd = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                ProsodyServer.HOST,
                String.valueOf(server.port()),
                server.domain(),
                user,
                server.password(user)));
        cmd.addAll(List.of(mode));
        return new PeerProcess(new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start());
    }

    /**
     * Waits for an output line starting with a prefix; fails on {@code ERROR} or the end of the output.
     *
     * @param prefix  the prefix
     * @param seconds how long to wait
     * @return the line
     * @throws Exception on error, end of output or timeout
     */
    String awaitLine(String prefix, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("Smack peer printed no '" + prefix + "' within " + seconds + " s");
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("ERROR") || line.equals("EOF")) {
                throw new IllegalStateException("Smack peer failed: " + line);
            }
        }
    }

    /** Closes the peer's standard input, which ends it, and waits up to ten seconds before killing it. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
