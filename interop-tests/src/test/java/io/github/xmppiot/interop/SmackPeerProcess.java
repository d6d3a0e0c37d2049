package io.github.xmppiot.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.ProsodyServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Smack's IoT implementation in its own JVM ({@code interop-smack-peer}), talking a line protocol on stdout. Smack's
 * IoT providers would replace ours if both were loaded in one JVM, hence the separate process.
 */
final class SmackPeerProcess implements AutoCloseable {

    private static final long LINE_TIMEOUT_SECONDS = 20;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();

    private SmackPeerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("ERROR peer output closed: " + e);
                    }
                },
                "smack-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the peer as account {@code user} on the test server (created if needed), in the given mode.
     */
    static SmackPeerProcess start(ProsodyServer server, String user, String... modeAndArgs) throws IOException {
        Path jar = Path.of(System.getProperty("smack.peer.jar", "../interop-smack-peer/target/smack-peer.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Smack peer jar " + jar.toAbsolutePath()
                    + " is missing: build it with ./mvnw -pl interop-smack-peer package (or run the whole build)");
        }
        server.ensureAccount(user);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsmack.debug=" + Boolean.getBoolean("smack.peer.debug"),
                "-jar",
                jar.toString(),
                "127.0.0.1",
                Integer.toString(server.port()),
                server.domain(),
                user,
                server.password(user)));
        cmd.addAll(List.of(modeAndArgs));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new SmackPeerProcess(p);
    }

    /** The next line starting with {@code prefix}; lines before it are kept in the transcript. */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("Smack peer printed no line starting with '" + prefix + "' within "
                        + LINE_TIMEOUT_SECONDS + " s; transcript: " + transcript);
            }
            transcript.add(line);
            if (line.startsWith(prefix)) {
                return line;
            }
            assertThat(line).as("Smack peer reported an error").doesNotStartWith("ERROR");
        }
    }

    /** Every line the peer printed until it exited (waits for the exit). */
    List<String> awaitExit() throws InterruptedException {
        assertThat(process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .as("Smack peer exits")
                .isTrue();
        process.getInputStream();
        List<String> rest = new ArrayList<>();
        String line;
        while ((line = lines.poll(1, TimeUnit.SECONDS)) != null) {
            rest.add(line);
        }
        transcript.addAll(rest);
        return List.copyOf(transcript);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the peer is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
