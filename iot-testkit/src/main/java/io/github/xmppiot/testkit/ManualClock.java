package io.github.xmppiot.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until the test moves it, for code that takes an injectable clock (token lifetimes
 * of XEP-0324 §3.5, decision caches, registry leases, ...). It starts at {@link #START} (or a given instant), in UTC,
 * and is safe to read from any thread while the test moves it.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * TokenIssuer issuer = new TokenIssuer(clock);
 * clock.advance(Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>iot-core's own tests cannot use it (iot-testkit depends on iot-core); they keep a scheduler on a virtual clock of
 * their own.
 */
public final class ManualClock extends Clock {

    /** Where a clock made by {@link #ManualClock()} starts: 2026-01-01T00:00:00Z. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final AtomicLong reads = new AtomicLong();

    /** Creates a clock at {@link #START}. */
    public ManualClock() {
        this(START);
    }

    /**
     * Creates a clock at a given instant.
     *
     * @param start the first instant it shows
     */
    public ManualClock(Instant start) {
        now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /**
     * Moves the clock forward (or back, with a negative duration, to model a clock that is set back).
     *
     * @param d how far
     * @return the instant the clock shows now
     */
    public Instant advance(Duration d) {
        Objects.requireNonNull(d, "d");
        return now.updateAndGet(t -> t.plus(d));
    }

    /**
     * Sets the clock to an instant.
     *
     * @param instant what it shows from now on
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** @return UTC */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * The same clock: a test moves one time line, whatever zone a caller asks for.
     *
     * @param zone ignored
     * @return this clock
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** @return the instant the test set; counted in {@link #reads()} */
    @Override
    public Instant instant() {
        reads.incrementAndGet();
        return now.get();
    }

    /**
     * How often the clock was read ({@link #instant()}, and {@link #millis()}, which reads it): for tests of how often
     * code looks at the time, such as a purge that should run once per request.
     *
     * @return the number of reads since the clock was made
     */
    public long reads() {
        return reads.get();
    }

    @Override
    public String toString() {
        return "ManualClock[" + now.get() + "]";
    }
}
