package io.github.xmppiot.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-running command ({@code thing}, {@code hub}, {@code registry}, ...) executed on its own thread, for tests:
 * {@link #awaitOutput} waits until its output matches, {@link #close()} interrupts it and waits for its exit code.
 */
final class RunningCommand implements AutoCloseable {

    private final StringBuffer out = new StringBuffer();
    private final StringWriter err = new StringWriter();
    private final Object monitor = new Object();
    private final Thread thread;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    private RunningCommand(Map<String, String> env, String... args) {
        Writer signalling = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                synchronized (monitor) {
                    out.append(buf, off, len);
                    monitor.notifyAll();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        thread = new Thread(
                () -> exit.complete(
                        XmppIot.commandLine(new PrintWriter(signalling, true), new PrintWriter(err, true), env, false)
                                .execute(args)),
                "running-" + args[0]);
        thread.setDaemon(true);
        exit.whenComplete((code, e) -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        });
    }

    /**
     * Starts a command.
     *
     * @param args the command line
     * @return the running command
     */
    static RunningCommand start(String... args) {
        return start(Map.of(), args);
    }

    /**
     * Starts a command with environment variables.
     *
     * @param env  the environment
     * @param args the command line
     * @return the running command
     */
    static RunningCommand start(Map<String, String> env, String... args) {
        RunningCommand c = new RunningCommand(env, args);
        c.thread.start();
        return c;
    }

    /**
     * Waits until the output matches a pattern (a readiness line), failing if the command ends first.
     *
     * @param regex       the pattern; group 1 is returned
     * @param timeoutSecs the timeout
     * @return the first group of the match
     * @throws Exception if the timeout passes or the command ends without printing it
     */
    String awaitOutput(String regex, int timeoutSecs) throws Exception {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSecs);
        synchronized (monitor) {
            while (true) {
                Matcher m = p.matcher(out);
                if (m.find()) {
                    return m.groupCount() > 0 ? m.group(1) : m.group();
                }
                if (exit.isDone()) {
                    throw new AssertionError("command ended with " + exit.get() + ": " + err + out);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError(
                            "no output matching " + regex + " within " + timeoutSecs + " s: " + err + out);
                }
                monitor.wait(left);
            }
        }
    }

    /** @return everything printed so far */
    String output() {
        return out.toString();
    }

    /** @return standard error so far */
    String errors() {
        return err.toString();
    }

    /**
     * Waits for the command to end by itself.
     *
     * @param timeoutSecs the timeout
     * @return the exit code
     * @throws Exception if it does not end in time
     */
    int awaitExit(int timeoutSecs) throws Exception {
        return exit.get(timeoutSecs, TimeUnit.SECONDS);
    }

    /**
     * Interrupts the command (as Ctrl-C does) and waits for its exit code.
     *
     * @return the exit code
     * @throws Exception if it does not end within 10 seconds
     */
    int stop() throws Exception {
        thread.interrupt();
        return exit.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!exit.isDone()) {
            stop();
        }
    }
}
