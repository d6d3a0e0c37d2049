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
    static final long TIMEOUT_SECONDS = 10;

    private Measure() {
    }

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
     * @return completed operations per second
     * @throws Exception if an operation fails or the last ones do not complete
     */
    static double pipelined(Op op, int inFlight, Duration duration) throws Exception {
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
        return done.get() * 1e9 / elapsed;
    }

    /**
     * Measures two operations' throughput in alternating rounds (a, b, a, b) and sums per operation, so slow drift in
     * the shared machine's load affects both alike.
     *
     * @param a        first operation
     * @param b        second operation
     * @param inFlight outstanding operations
     * @param round    duration of one round
     * @param rounds   rounds per operation
     * @return the mean rate of a and of b, per second
     * @throws Exception if an operation fails
     */
    static double[] pipelinedPair(Op a, Op b, int inFlight, Duration round, int rounds) throws Exception {
        pipelined(a, inFlight, Duration.ofMillis(500)); // warm-up
        pipelined(b, inFlight, Duration.ofMillis(500));
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < rounds; i++) {
            sa += pipelined(a, inFlight, round);
            sb += pipelined(b, inFlight, round);
        }
        return new double[] {sa / rounds, sb / rounds};
    }
}
