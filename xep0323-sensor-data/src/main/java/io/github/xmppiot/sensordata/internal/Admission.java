package io.github.xmppiot.sensordata.internal;

import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.sensordata.ReadoutLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxmpp.jid.BareJid;

/**
 * Counts the read-outs of a server per requester (bare JID) and in total, and refuses a request over the
 * {@link ReadoutLimits} in force (issue 15 item 6). The map holds only requesters with work in progress, so it is
 * bounded by the totals. Thread-safe.
 */
public final class Admission {

    private final Map<BareJid, int[]> perRequester = new HashMap<>();
    private final int[] total = new int[2];

    /** A slot taken by one request; {@link #release()} gives it back, once. */
    public final class Slot {
        private final BareJid requester;
        private final int kind;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(BareJid requester, int kind) {
            this.requester = requester;
            this.kind = kind;
        }

        /** Gives the slot back; later calls do nothing. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                give(requester, kind);
            }
        }
    }

    /**
     * Takes a slot for a request.
     *
     * @param requester the requester's bare JID
     * @param queued    whether the read-out is queued ({@code when} in the future)
     * @param limits    the limits in force
     * @return the slot
     * @throws IotErrorException {@code wait/resource-constraint} if a limit is reached
     */
    public synchronized Slot admit(BareJid requester, boolean queued, ReadoutLimits limits) throws IotErrorException {
        int kind = queued ? 1 : 0;
        int[] mine = perRequester.get(requester);
        int own = mine == null ? 0 : mine[kind];
        String what = queued ? "queued" : "in progress";
        if (own >= (queued ? limits.queuedPerRequester() : limits.activePerRequester())) {
            throw IotErrors.resourceConstraint("too many read-outs " + what + " for " + requester + " (limit " + own
                    + "); retry when one has finished");
        }
        if (total[kind] >= (queued ? limits.queuedTotal() : limits.activeTotal())) {
            throw IotErrors.resourceConstraint(
                    "too many read-outs " + what + " on this device (limit " + total[kind] + "); retry later");
        }
        if (mine == null) {
            mine = new int[2];
            perRequester.put(requester, mine);
        }
        mine[kind]++;
        total[kind]++;
        return new Slot(requester, kind);
    }

    private synchronized void give(BareJid requester, int kind) {
        total[kind]--;
        int[] mine = perRequester.get(requester);
        if (mine != null && --mine[kind] <= 0 && mine[1 - kind] <= 0) {
            perRequester.remove(requester);
        }
    }

    /**
     * Slots taken, in progress and queued, over all requesters.
     *
     * @return {in progress, queued}
     */
    public synchronized int[] totals() {
        return total.clone();
    }
}
