package io.github.xmppiot.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xmppiot.testkit.XmppTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Slixmpp peer ({@code src/test/python/slix_peer.py}, run with the system's {@code /usr/bin/python3} and Debian's
 * {@code python3-slixmpp}) talking the line protocol described in the script. The password goes through standard
 * input, never the command line; closing standard input stops the peer.
 */
final class SlixmppPeerProcess implements AutoCloseable {

    /** The interpreter that has Debian's python3-slixmpp (not a pyenv or virtualenv python3 on the PATH). */
    static final String PYTHON = System.getProperty("slixmpp.python", "/usr/bin/python3");

    private static final long LINE_TIMEOUT_SECONDS = 25;

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new CopyOnWriteArrayList<>();

    private SlixmppPeerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            transcript.add(line);
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        lines.add("ERROR peer output closed: " + e);
                    }
                },
                "slixmpp-peer-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the peer as account {@code user} (created if needed) in the given mode.
     *
     * @throws IllegalStateException with the install command if Python or Slixmpp is missing
     */
    static SlixmppPeerProcess start(XmppTestServer server, String user, String... modeAndArgs) throws IOException {
        Path script = Path.of(System.getProperty("slixmpp.peer.script", "src/test/python/slix_peer.py"));
        checkSlixmpp();
        server.ensureAccount(user);
        List<String> cmd = new ArrayList<>(List.of(
                PYTHON,
                script.toString(),
                "127.0.0.1",
                Integer.toString(server.port()),
                server.domain(),
                user,
                server.certificate()
                        .orElseThrow(() -> new IllegalStateException("the Slixmpp peer needs TLS"))
                        .toString()));
        cmd.addAll(List.of(modeAndArgs));
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        OutputStream stdin = p.getOutputStream();
        stdin.write((server.password(user) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        return new SlixmppPeerProcess(p);
    }

    private static void checkSlixmpp() throws IOException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(PYTHON + " is missing. The Slixmpp interop tests need Debian's Python with"
                    + " Slixmpp: sudo apt-get install -y python3-slixmpp (or scripts/test-deps.sh);"
                    + " skip them explicitly with -Dxmpp.it.skip=true.");
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import slixmpp")
                .redirectErrorStream(true)
                .start();
        try {
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            if (!ended || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("Slixmpp is not installed for " + PYTHON + ": "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()
                        + ". Install it with: sudo apt-get install -y python3-slixmpp (or scripts/test-deps.sh);"
                        + " skip these tests explicitly with -Dxmpp.it.skip=true.");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking for Slixmpp", e);
        }
    }

    /** The next line starting with {@code prefix}; fails on an {@code ERROR} line or after the time-out. */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINE_TIMEOUT_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("Slixmpp peer printed no line starting with '" + prefix + "' within "
                        + LINE_TIMEOUT_SECONDS + " s; transcript: " + transcript);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            assertThat(line)
                    .as("Slixmpp peer reported an error; transcript: %s", transcript)
                    .doesNotStartWith("ERROR");
        }
    }

    /** Waits for the peer to end by itself and returns everything it printed. */
    List<String> awaitExit() throws InterruptedException {
        assertThat(process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .as("Slixmpp peer exits; transcript: %s", transcript)
                .isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!lines.isEmpty() && System.nanoTime() < deadline) {
            lines.poll(10, TimeUnit.MILLISECONDS); // drain: the reader thread has seen end of stream
        }
        return List.copyOf(transcript);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the peer is gone already
        }
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
