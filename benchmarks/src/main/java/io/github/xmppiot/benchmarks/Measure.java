package io.github.xmppiot.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Latency and throughput loops of the end-to-end benchmark. */
final class Measure {

    /** How long one operation may take before the benchmark gives up. */
    static final long TIMEOUT_SECONDS = 60;

    private Measure() {}

    /** One asynchronous operation whose round trip is measured. */
    @FunctionalInterface
    interface Op {
        /** @return completes when the operation's answer has arrived */
        CompletableFuture<?> start();
    }

    /**
     * Runs operations one after the other, alternating between them so all see the same load, after a warm-up of a
     * quarter as many rounds.
     *
     * @param rounds measured rounds
     * @param ops    the operations, run in this order in each round
     * @return the latencies of each operation, in the order given
     * @throws Exception if an operation fails or times out
     */
    static Stats[] alternating(int rounds, Op... ops) throws Exception {
        long[][] samples = new long[ops.length][rounds];
        int warmup = Math.max(1, rounds / 4);
        for (int i = -warmup; i < rounds; i++) {
            for (int k = 0; k < ops.length; k++) {
                long t0 = System.nanoTime();
                ops[k].start().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long t = System.nanoTime() - t0;
                if (i >= 0) {
                    samples[k][i] = t;
                }
            }
        }
        Stats[] stats = new Stats[ops.length];
        for (int k = 0; k < ops.length; k++) {
            stats[k] = Stats.of(samples[k]);
        }
        return stats;
    }

    /**
     * Keeps {@code inFlight} operations outstanding for a while and counts the completions.
     *
     * @param op       the operation
     * @param inFlight how many are outstanding at once
     * @param duration how long to start new ones
     * @return completed operations and the time from the first start to the last completion
     * @throws Exception if an operation fails or the last ones do not complete
     */
    static Run pipelined(Op op, int inFlight, Duration duration) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end && failure.get() == null) {
            if (!slots.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new TimeoutException("no operation completed in " + TIMEOUT_SECONDS + " s");
            }
            op.start().whenComplete((r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                } else {
                    done.incrementAndGet();
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(inFlight, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new TimeoutException("operations still outstanding after " + TIMEOUT_SECONDS + " s");
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException("operation failed: " + failure.get(), failure.get());
        }
        return new Run(done.get(), elapsed);
    }

    /**
     * Result of {@link #pipelined}.
     *
     * @param ops   completed operations
     * @param nanos elapsed time
     */
    record Run(long ops, long nanos) {}

    /** Throughput of one operation with the CPU it cost. */
    record Rate(double perSecond, double jvmMicrosPerOp, double prosodyMicrosPerOp) {}

    /**
     * Measures operations' throughput in alternating rounds (a, b, ..., a, b, ...) so slow drift in the shared
     * machine's load affects all alike, and the CPU time each costs in this JVM and in Prosody. Run after
     * {@link #warmUp}: a cold JIT turns into CPU time charged to whichever operation runs first.
     *
     * @param ops      the operations
     * @param inFlight outstanding operations
     * @param round    duration of one round
     * @param rounds   rounds per operation
     * @param cpu      the CPU meter
     * @return the rates, in the order of {@code ops}
     * @throws Exception if an operation fails
     */
    static Rate[] pipelinedRounds(Op[] ops, int inFlight, Duration round, int rounds, CpuMeter cpu) throws Exception {
        int n = ops.length;
        long[] count = new long[n];
        long[] nanos = new long[n];
        long[] jvm = new long[n];
        long[] prosody = new long[n];
        for (int i = 0; i < rounds; i++) {
            for (int k = 0; k < n; k++) {
                long j0 = cpu.jvmNanos();
                long p0 = cpu.prosodyNanos();
                Run run = pipelined(ops[k], inFlight, round);
                jvm[k] += cpu.jvmNanos() - j0;
                prosody[k] += p0 < 0 ? 0 : cpu.prosodyNanos() - p0;
                count[k] += run.ops();
                nanos[k] += run.nanos();
            }
        }
        Rate[] r = new Rate[n];
        for (int k = 0; k < n; k++) {
            r[k] = new Rate(
                    count[k] * 1e9 / nanos[k],
                    jvm[k] / 1000.0 / count[k],
                    cpu.prosodyNanos() < 0 ? Double.NaN : prosody[k] / 1000.0 / count[k]);
        }
        return r;
    }

    /**
     * Warms the JIT up on every operation, pipelined and sequential in turns, for a given time. Without it the C2
     * compiler is still busy with the longer read-out path after the ping path is compiled (seen with {@code perf}:
     * half of the JVM's CPU in the compiler after 10 s), which biases every ratio against the read-out.
     *
     * @param ops      the operations
     * @param inFlight outstanding operations in the pipelined turns
     * @param duration total warm-up time
     * @throws Exception if an operation fails
     */
    static void warmUp(Op[] ops, int inFlight, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            for (Op op : ops) {
                pipelined(op, inFlight, Duration.ofMillis(250));
                for (int i = 0; i < 50; i++) {
                    op.start().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
            }
        }
    }
}
