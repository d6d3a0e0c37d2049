package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.provisioning.element.ClearCache;
import io.github.xmppiot.provisioning.internal.Iqs;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.IQ;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Sends the {@code clearCache} a Thing is owed (XEP-0324 §3.5.1) when it is online here: at most one in flight per
 * Thing; on its acknowledgement the mark of that generation is removed, and another is sent if the rules changed
 * meanwhile. Runs on the server's serial event executor, so pushes for one Thing never overlap.
 */
final class ClearCachePusher {

    private static final Logger LOG = Logger.getLogger(ClearCachePusher.class.getName());

    private final XMPPConnection connection;
    private final ProvisioningStore store;
    private final Supplier<Executor> events;
    private final List<ServerListener> listeners;
    private final Map<BareJid, FullJid> online = new ConcurrentHashMap<>();
    /** Things with a {@code clearCache} awaiting its acknowledgement; bounded by the Things online. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean pollQueued = new AtomicBoolean();

    ClearCachePusher(
            XMPPConnection connection,
            ProvisioningStore store,
            Supplier<Executor> events,
            List<ServerListener> listeners) {
        this.connection = connection;
        this.store = store;
        this.events = events;
        this.listeners = listeners;
    }

    /** @return the contacts seen online, bare JID to full JID (a live view) */
    Map<BareJid, FullJid> online() {
        return online;
    }

    /** Queues a look at one Thing's mark on the event executor. */
    void push(String thing) {
        submit(() -> pushIfPending(thing));
    }

    /** Queues a look at every mark, unless one is queued already (the poll of {@link ServerOptions#clearCachePoll()}). */
    void pollAll() {
        if (pollQueued.compareAndSet(false, true)) {
            submit(() -> {
                pollQueued.set(false);
                pushAllPending();
            });
        }
    }

    /** Runs a task on the event executor; a closed or full executor drops it (the poll looks again later). */
    void submit(Runnable task) {
        try {
            events.get().execute(task);
        } catch (RejectedExecutionException e) {
            pollQueued.set(false);
            LOG.log(Level.FINE, "provisioning server closed or busy; event left to the next poll", e);
        }
    }

    private void pushIfPending(String thing) {
        try {
            FullJid to = online.get(JidCreate.bareFrom(thing));
            if (to == null || inFlight.contains(thing)) {
                return; // offline: pushed when it comes online; in flight: looked at again when acknowledged
            }
            OptionalLong generation = store.clearPendingGeneration(thing);
            if (generation.isEmpty()) {
                return;
            }
            inFlight.add(thing);
            ClearCache clear = new ClearCache();
            clear.setTo(to);
            Iqs.request(connection, clear, IQ.class)
                    .thenRunAsync(() -> acknowledged(thing, generation.getAsLong()), events.get())
                    .exceptionally(e -> {
                        inFlight.remove(thing);
                        LOG.log(Level.FINE, "clearCache to " + to + " failed; retried when it comes back online", e);
                        return null;
                    });
        } catch (Exception e) {
            inFlight.remove(thing);
            LOG.log(Level.WARNING, "could not push clearCache to " + thing, e);
        }
    }

    private void acknowledged(String thing, long generation) {
        inFlight.remove(thing);
        try {
            boolean done = store.clearPendingDone(thing, generation);
            listeners.forEach(l -> l.clearCacheAcknowledged(thing));
            if (!done) {
                pushIfPending(thing);
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not unmark " + thing, e);
        }
    }

    /** Pushes every mark for a Thing online here. */
    private void pushAllPending() {
        if (online.isEmpty()) {
            return;
        }
        try {
            store.clearPending().forEach(this::pushIfPending);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not read pending clearCache marks", e);
        }
    }
}
