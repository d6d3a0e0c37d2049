package io.github.xmppiot.provisioning.durability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code main} class in a child JVM on the test class path, waits until it prints {@value #ACK} (its store
 * acknowledged a change), then kills it with SIGKILL ({@link Process#destroyForcibly()}): no shutdown hook, no clean
 * close of the database.
 */
public final class ChildJvm {

    /** The line a child prints once its change is acknowledged. */
    public static final String ACK = "ACK";

    private ChildJvm() {}

    /**
     * Runs the child until it acknowledges, then kills it.
     *
     * @param main the class with the {@code main} method
     * @param args its arguments
     * @return the lines the child printed before the acknowledgement
     * @throws Exception if the child fails, or does not acknowledge within 60 seconds
     */
    public static List<String> runUntilAckThenKill(Class<?> main, String... args) throws Exception {
        return runUntilAckThenKill(Map.of(), main, args);
    }

    /**
     * Runs the child with more environment variables (secrets never go on its command line) until it acknowledges,
     * then kills it.
     *
     * @param env  variables added to the child's environment
     * @param main the class with the {@code main} method
     * @param args its arguments
     * @return the lines the child printed before the acknowledgement
     * @throws Exception if the child fails, or does not acknowledge within 60 seconds
     */
    public static List<String> runUntilAckThenKill(Map<String, String> env, Class<?> main, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process p = builder.start();
        try {
            CompletableFuture<List<String>> acked = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (line.equals(ACK)) {
                            return lines;
                        }
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new IllegalStateException("the child ended without acknowledging: " + lines);
            });
            return acked.get(60, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Prints the acknowledgement and blocks until killed (called by children). */
    public static void ackAndWaitForKill() throws Exception {
        System.out.println(ACK);
        System.out.flush();
        new CompletableFuture<Void>().get();
    }
}
