package io.github.xmppiot.benchmarks;

import java.util.Arrays;

/**
 * Median and 99th percentile of a series of latencies.
 *
 * @param medianNanos the median, in nanoseconds
 * @param p99Nanos    the 99th percentile (nearest rank), in nanoseconds
 * @param count       the number of samples
 */
public record Stats(long medianNanos, long p99Nanos, int count) {

    /**
     * Computes the statistics of samples.
     *
     * @param nanos the samples in nanoseconds; not modified
     * @return the statistics
     * @throws IllegalArgumentException if there are no samples
     */
    public static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(
                sorted[sorted.length / 2],
                sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)],
                sorted.length);
    }

    /** @return the median in microseconds */
    public double medianMicros() {
        return medianNanos / 1000.0;
    }

    /** @return the 99th percentile in microseconds */
    public double p99Micros() {
        return p99Nanos / 1000.0;
    }

    @Override
    public String toString() {
        return String.format("median %.0f µs, p99 %.0f µs (n=%d)", medianMicros(), p99Micros(), count);
    }
}
