package io.github.xmppiot.sensordata;

import java.time.Duration;
import java.util.Objects;

/**
 * How much read-out work a {@link SensorDataServer} takes on (XEP-0323 §3 read-outs, §3.4 queued read-outs with
 * {@code when}; issue 15 item 6). A request is counted from the moment it arrives (the access decision included) until
 * its read-out ends; a requester is its bare JID, so extra resources do not buy extra slots. A request over a limit is
 * refused at once with {@code wait/resource-constraint} naming the limit; a {@code when} further ahead than
 * {@link #whenHorizon()} is refused with {@code modify/bad-request}.
 *
 * @param activePerRequester most read-outs due now (not queued) one requester may have in progress
 * @param queuedPerRequester most queued read-outs ({@code when} in the future) one requester may have
 * @param activeTotal        most read-outs due now in progress, over all requesters
 * @param queuedTotal        most queued read-outs, over all requesters
 * @param whenHorizon        how far ahead {@code when} may lie
 */
public record ReadoutLimits(
        int activePerRequester, int queuedPerRequester, int activeTotal, int queuedTotal, Duration whenHorizon) {

    /**
     * The documented defaults: 16 read-outs in progress and 16 queued per requester, 128 in progress and 256 queued in
     * total, {@code when} at most 24 hours ahead.
     */
    public static final ReadoutLimits DEFAULT = new ReadoutLimits(16, 16, 128, 256, Duration.ofHours(24));

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a count is below 1, a per-requester limit exceeds its total, or the horizon
     *                                  is not positive
     */
    public ReadoutLimits {
        Objects.requireNonNull(whenHorizon, "whenHorizon");
        if (activePerRequester < 1
                || queuedPerRequester < 1
                || activeTotal < activePerRequester
                || queuedTotal < queuedPerRequester) {
            throw new IllegalArgumentException("read-out limits must be at least 1 and a per-requester limit at most"
                    + " its total: " + activePerRequester + "/" + activeTotal + " active, " + queuedPerRequester + "/"
                    + queuedTotal + " queued");
        }
        if (whenHorizon.isNegative() || whenHorizon.isZero()) {
            throw new IllegalArgumentException("whenHorizon must be positive");
        }
    }
}
