package io.github.xmppiot.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher script, {@code bin/xmpp-iot} of the extracted {@code .tar.gz}, run as a user runs it: in its
 * own process, with a clean environment plus what the test sets.
 */
final class Launcher {

    private final Path script;

    private Launcher(Path script) {
        this.script = script;
    }

    /**
     * Extracts the distribution with {@code tar}, as a user would.
     *
     * @param tarball the {@code .tar.gz}
     * @param into    an empty directory
     * @return the launcher of the extracted distribution
     * @throws Exception if {@code tar} fails
     */
    static Launcher extract(Path tarball, Path into) throws Exception {
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new IOException("tar failed: " + out);
        }
        try (var dirs = Files.list(into)) {
            Path home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
            return new Launcher(home.resolve("bin").resolve("xmpp-iot"));
        }
    }

    /** @return the script */
    Path script() {
        return script;
    }

    /** @return the distribution's root directory */
    Path home() {
        return script.getParent().getParent();
    }

    /**
     * Runs a command to its end.
     *
     * @param env  environment variables added to a minimal environment (PATH, JAVA_HOME)
     * @param args the command line after {@code xmpp-iot}
     * @return exit code and output
     * @throws Exception if it does not end within a minute
     */
    Result run(Map<String, String> env, List<String> args) throws Exception {
        Path dir = Files.createTempDirectory("xmpp-iot-run");
        Process p = start(env, args, dir);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("xmpp-iot " + args + " did not end within 60 s; output: "
                        + Files.readString(dir.resolve("out")) + Files.readString(dir.resolve("err")));
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(dir.resolve("out"));
            Files.deleteIfExists(dir.resolve("err"));
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Starts a long-running command ({@code hub}).
     *
     * @param env  environment variables added to a minimal environment
     * @param args the command line after {@code xmpp-iot}
     * @param dir  where its standard output ({@code out}) and error ({@code err}) go
     * @return the process
     * @throws IOException if it cannot be started
     */
    Process start(Map<String, String> env, List<String> args, Path dir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        b.environment().clear();
        b.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        b.environment().putAll(env);
        return b.start();
    }

    /**
     * Waits until a file matches a pattern, failing when the process ends first or the timeout passes.
     *
     * @param p          the process writing the file
     * @param file       its output file
     * @param regex      the pattern; group 1 is returned
     * @param timeoutSec the timeout
     * @return group 1 of the first match
     * @throws Exception if the pattern does not appear in time
     */
    static String await(Process p, Path file, String regex, int timeoutSec) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSec);
        while (true) {
            Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + regex + "' (" + (p.isAlive() ? "timeout" : "exit " + p.exitValue())
                        + "); output: " + Files.readString(file, StandardCharsets.UTF_8)
                        + Files.readString(file.resolveSibling("err"), StandardCharsets.UTF_8));
            }
            p.waitFor(50, TimeUnit.MILLISECONDS); // returns at once when the process ends
        }
    }

    /**
     * A jar of the test class path.
     *
     * @param artifactId for example {@code pi4j-plugin-mock}
     * @return its path
     */
    static Path testJar(String artifactId) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> Path.of(p).getFileName().toString().startsWith(artifactId + "-"))
                .map(Path::of)
                .findFirst()
                .orElseThrow(() -> new AssertionError(artifactId + " not on the class path"));
    }

    /** Exit code, standard output and standard error of a finished command. */
    record Result(int exitCode, String out, String err) {}
}
