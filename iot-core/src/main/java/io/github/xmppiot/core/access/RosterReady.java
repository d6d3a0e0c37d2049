package io.github.xmppiot.core.access;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;

/**
 * The roster once it is loaded: right after login Smack fetches it asynchronously, and a request arriving in that
 * window must not be refused because the friend list is still empty. Never blocks; gives up after ten seconds and
 * then decides on what is known.
 *
 * <p>One listener per roster, registered once, completes every request waiting when the roster loads (or fails to).
 * A listener per request that removed itself when done would not work: Smack notifies its loaded-listeners while
 * iterating over them, so a removal from inside that loop skips the listeners after it (the requests they stand for
 * would wait the full ten seconds). The waiting requests are bounded by the requests of ten seconds.
 */
final class RosterReady {

    private static final long WAIT_SECONDS = 10;

    /** The listener of each roster; weak keys, so a roster (and its connection) can still be collected. */
    private static final Map<Roster, Waiting> WAITING = Collections.synchronizedMap(new WeakHashMap<>());

    private RosterReady() {}

    static CompletableFuture<Roster> of(Roster roster) {
        if (roster.isLoaded()) {
            return CompletableFuture.completedFuture(roster);
        }
        Waiting waiting = WAITING.computeIfAbsent(roster, r -> {
            Waiting w = new Waiting();
            r.addRosterLoadedListener(w);
            return w;
        });
        CompletableFuture<Roster> ready = new CompletableFuture<>();
        waiting.requests.put(ready, roster);
        if (roster.isLoaded()) {
            ready.complete(roster);
        }
        return ready.completeOnTimeout(roster, WAIT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((r, e) -> waiting.requests.remove(ready));
    }

    /** Completes the requests waiting for one roster; holds the roster only while a request waits. */
    private static final class Waiting implements RosterLoadedListener {

        private final Map<CompletableFuture<Roster>, Roster> requests = new ConcurrentHashMap<>();

        @Override
        public void onRosterLoaded(Roster roster) {
            requests.forEach((ready, r) -> ready.complete(r));
        }

        @Override
        public void onRosterLoadingFailed(Exception exception) {
            requests.forEach((ready, r) -> ready.complete(r));
        }
    }
}
