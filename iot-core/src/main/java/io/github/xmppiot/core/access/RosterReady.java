package io.github.xmppiot.core.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterLoadedListener;

/**
 * The roster once it is loaded: right after login Smack fetches it asynchronously, and a request arriving in that
 * window must not be refused because the friend list is still empty. Never blocks; gives up after ten seconds and
 * then decides on what is known.
 */
final class RosterReady {

    private static final long WAIT_SECONDS = 10;

    private RosterReady() {}

    static CompletableFuture<Roster> of(Roster roster) {
        if (roster.isLoaded()) {
            return CompletableFuture.completedFuture(roster);
        }
        CompletableFuture<Roster> ready = new CompletableFuture<>();
        RosterLoadedListener listener = new RosterLoadedListener() {
            @Override
            public void onRosterLoaded(Roster r) {
                ready.complete(r);
            }

            @Override
            public void onRosterLoadingFailed(Exception exception) {
                ready.complete(roster);
            }
        };
        roster.addRosterLoadedListener(listener);
        if (roster.isLoaded()) {
            ready.complete(roster);
        }
        return ready.completeOnTimeout(roster, WAIT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((r, e) -> roster.removeRosterLoadedListener(listener));
    }
}
