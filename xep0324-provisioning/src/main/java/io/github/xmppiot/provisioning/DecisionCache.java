package io.github.xmppiot.provisioning;

import io.github.xmppiot.core.access.AccessDecision;
import io.github.xmppiot.core.access.AccessRequest;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.provisioning.internal.CacheCodec;
import io.github.xmppiot.provisioning.internal.H2DecisionStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jxmpp.jid.Jid;

/**
 * The Thing's cache of provisioning decisions (XEP-0324 §5.2 "Caching and cache time"): least-recently-used eviction,
 * an optional maximum age, and optional persistence in an embedded H2 database so that a restarting Thing does not
 * flood its provisioning server. Cleared on {@code clearCache} (§3.5.1) and when a new trust relationship starts.
 *
 * <p>Kept across reconnects, by design: a decision stays valid until the provisioning server says otherwise, and
 * XEP-0324 §3.5.1 makes the server send {@code clearCache} to a Thing that was offline while its rules changed as
 * soon as the Thing is available again, which a reconnected Thing is (its presence is restored by
 * {@link io.github.xmppiot.core.connection.ConnectionSupervisor}). Clearing it on every reconnect would flood the
 * server with questions after each of its own restarts.
 *
 * <p>Lookups and updates are in memory and never block; database writes run one at a time, in order, on the work pool
 * of the settings' {@link io.github.xmppiot.core.concurrent.IotExecutors} (at most {@value #WRITE_QUEUE} waiting; a
 * write beyond is logged and not persisted). {@link #close()} waits for the queue and gives the executor lease back.
 *
 * @since 0.1.0
 */
public final class DecisionCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DecisionCache.class.getName());

    private record Entry(AccessDecision decision, Instant created) {}

    /** How long {@link #close()} waits for pending writes. */
    public static final int CLOSE_WAIT_SECONDS = 30;

    /** The most database writes waiting; beyond, a write is logged and dropped (the memory cache stays right). */
    public static final int WRITE_QUEUE = 10_000;

    private final DecisionCacheSettings settings;
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final H2DecisionStore store;
    private final IotExecutors.Lease lease;
    private final Executor writer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LinkedHashMap<String, Entry> entries;
    private final Set<String> servers = new HashSet<>();

    private DecisionCache(DecisionCacheSettings settings, H2DecisionStore store) {
        this.settings = settings;
        this.maxEntries = settings.maxEntries();
        this.maxAge = settings.maxAge();
        this.clock = settings.clock();
        this.store = store;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
        this.lease = store == null ? null : settings.executors().acquire();
        this.writer = lease == null ? null : lease.serial(WRITE_QUEUE);
    }

    /**
     * Opens a cache: in memory, or persisted in an H2 file whose entries and servers stored by an earlier run are
     * loaded ({@link DecisionCacheSettings#file()}).
     *
     * @param settings the settings
     * @return the cache
     * @throws IllegalStateException if the database cannot be opened, or naming {@code com.h2database:h2} if it is
     *                               missing
     */
    public static DecisionCache open(DecisionCacheSettings settings) {
        Objects.requireNonNull(settings, "settings: use DecisionCacheSettings.DEFAULTS");
        if (!settings.persistent()) {
            return new DecisionCache(settings, null);
        }
        try {
            H2DecisionStore store = new H2DecisionStore(settings.file());
            DecisionCache cache = new DecisionCache(settings, store);
            for (H2DecisionStore.Row row : store.loadAll()) {
                cache.entries.put(
                        row.key(),
                        new Entry(CacheCodec.decode(row.decision()), Instant.ofEpochMilli(row.createdMillis())));
            }
            synchronized (cache) {
                cache.servers.addAll(store.servers());
                cache.evictOverflow();
            }
            return cache;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the decision cache " + settings.file(), e);
        }
    }

    /**
     * A cache kept in memory only: {@code open(DecisionCacheSettings.builder().maxEntries(..).maxAge(..).build())}.
     *
     * @param maxEntries the most entries kept; the least recently used is evicted
     * @param maxAge     the longest an answer is trusted, or null for no limit
     * @return the cache
     */
    public static DecisionCache inMemory(int maxEntries, Duration maxAge) {
        return open(DecisionCacheSettings.builder()
                .maxEntries(maxEntries)
                .maxAge(maxAge)
                .build());
    }

    /**
     * A cache persisted in an H2 file; entries stored by an earlier run are loaded. H2 ({@code com.h2database:h2}) is
     * an optional dependency of this module: add it to use a persistent cache.
     *
     * @param file       the database file, without H2's {@code .mv.db} suffix
     * @param maxEntries the most entries kept
     * @param maxAge     the longest an answer is trusted, or null for no limit
     * @return the cache
     * @throws IllegalStateException if the database cannot be opened
     */
    public static DecisionCache persistent(Path file, int maxEntries, Duration maxAge) {
        return open(DecisionCacheSettings.builder()
                .file(Objects.requireNonNull(file, "file"))
                .maxEntries(maxEntries)
                .maxAge(maxAge)
                .build());
    }

    /** @return the settings the cache was opened with */
    public DecisionCacheSettings settings() {
        return settings;
    }

    /**
     * The cached decision for a request, if present and not older than the maximum age.
     *
     * @param request the request
     * @return the decision
     */
    public synchronized Optional<AccessDecision> get(AccessRequest request) {
        String key = CacheCodec.key(request);
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (maxAge != null && e.created().plus(maxAge).isBefore(clock.instant())) {
            entries.remove(key);
            persist(s -> s.remove(key));
            return Optional.empty();
        }
        return Optional.of(e.decision());
    }

    /**
     * Caches a decision.
     *
     * @param request  the request
     * @param decision the decision
     */
    public synchronized void put(AccessRequest request, AccessDecision decision) {
        String key = CacheCodec.key(request);
        Entry e = new Entry(decision, clock.instant());
        entries.put(key, e);
        persist(s -> s.put(new H2DecisionStore.Row(
                key, CacheCodec.encode(decision), e.created().toEpochMilli())));
        evictOverflow();
    }

    /**
     * Remembers a trusted provisioning server, persistently if the cache is. A server the cache has not seen before
     * starts a new trust relationship, after which the decisions must be cleared (XEP-0324 §3.1.1); a server known
     * from an earlier run does not, so a restarting Thing keeps its cache.
     *
     * @param server the server's bare JID
     * @return true if the server is new to this cache
     */
    public synchronized boolean rememberServer(Jid server) {
        String s = server.asBareJid().toString();
        if (!servers.add(s)) {
            return false;
        }
        persist(st -> st.addServer(s));
        return true;
    }

    /**
     * The provisioning servers remembered with {@link #rememberServer}, also those of earlier runs.
     *
     * @return their bare JIDs
     */
    public synchronized Set<String> servers() {
        return Set.copyOf(servers);
    }

    /** Forgets every decision (XEP-0324 §3.5.1). */
    public synchronized void clear() {
        entries.clear();
        persist(H2DecisionStore::clear);
    }

    /** @return the number of cached decisions */
    public synchronized int size() {
        return entries.size();
    }

    /** @return whether decisions survive a restart */
    public boolean persistent() {
        return store != null;
    }

    private void evictOverflow() {
        var it = entries.entrySet().iterator();
        while (entries.size() > maxEntries && it.hasNext()) {
            Map.Entry<String, Entry> eldest = it.next();
            it.remove();
            String key = eldest.getKey();
            persist(s -> s.remove(key));
        }
    }

    @FunctionalInterface
    private interface StoreAction {
        void run(H2DecisionStore store) throws SQLException;
    }

    private void persist(StoreAction action) {
        if (writer == null || closed.get()) {
            return;
        }
        try {
            writer.execute(() -> {
                try {
                    action.run(store);
                } catch (SQLException e) {
                    LOG.log(Level.WARNING, "decision cache: database write failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(
                    Level.WARNING,
                    "decision cache: " + WRITE_QUEUE + " writes waiting; this change is not persisted",
                    e);
        }
    }

    /**
     * Writes pending changes (waiting at most {@value #CLOSE_WAIT_SECONDS} seconds), closes the database and gives the
     * executor lease back. Idempotent.
     */
    @Override
    public void close() {
        if (writer == null || !closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            writer.execute(() -> written.complete(null));
            written.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "decision cache: pending writes did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "decision cache: close failed", e);
        } finally {
            lease.close();
        }
    }
}
