package io.github.xmppiot.discovery.registry;

import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.core.connection.UnparsableStanzas;
import io.github.xmppiot.core.iq.IotErrorException;
import io.github.xmppiot.core.iq.IotErrors;
import io.github.xmppiot.core.iq.IotIqRequestHandler;
import io.github.xmppiot.discovery.element.Claimed;
import io.github.xmppiot.discovery.element.Disown;
import io.github.xmppiot.discovery.element.Disowned;
import io.github.xmppiot.discovery.element.Found;
import io.github.xmppiot.discovery.element.Mine;
import io.github.xmppiot.discovery.element.Register;
import io.github.xmppiot.discovery.element.Remove;
import io.github.xmppiot.discovery.element.Removed;
import io.github.xmppiot.discovery.element.Search;
import io.github.xmppiot.discovery.element.Unregister;
import io.github.xmppiot.discovery.element.Update;
import io.github.xmppiot.discovery.internal.AsyncIq;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import io.github.xmppiot.discovery.internal.ExecutorLease;
import io.github.xmppiot.discovery.internal.SearchGate;
import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * A Thing Registry on an XMPP account (XEP-0347 §3.5-§3.17, §4 "Determining Support"): advertises
 * {@code urn:xmpp:iot:discovery}, accepts presence subscriptions (so Things and owners on the same server can reach
 * its full JID, XEP-0347 §5.3), answers {@code register}, {@code mine}, {@code remove}, {@code update},
 * {@code search}, {@code unregister} and {@code disown} with the rules of {@link RegistryRules}, and tells Things
 * about {@code claimed}, {@code removed} and {@code disowned}. Requests are accepted as IQ {@code set} and as IQ
 * {@code get} (Smack's smack-experimental sends {@code get}). Configured by {@link ThingRegistrySettings}.
 *
 * <p>Threads: the storage work runs on the work pool of the settings' executors, never on Smack's reader thread.
 * Writes run one at a time in arrival order (at most {@link RegistryOptions#maxQueuedWrites()} waiting); every request
 * is answered, and only after its changes are committed. Searches only read and run apart from the writes, at most
 * {@link RegistryOptions#searchThreads()} at once (at most {@link RegistryOptions#maxQueuedSearches()} waiting, and
 * {@link RegistryOptions#searchesPerJid()} per bare JID), so a slow search never delays a registration or a claim. The
 * limits of {@link RegistryOptions} and a full work pool are answered with {@code bad-request} or
 * {@code resource-constraint}.
 *
 * <p>One registry per connection; {@link #close()} stops it, and a new one may then be started on the connection.
 *
 * @since 0.1.0
 */
public final class ThingRegistry extends Manager implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ThingRegistry.class.getName());
    private static final Map<XMPPConnection, ThingRegistry> INSTANCES = new WeakHashMap<>();

    static {
        DiscoveryProviders.register();
    }

    /** A settings snapshot with what is built from it; a request uses the one in force when it arrived. */
    private record State(ThingRegistrySettings settings, RegistryRules rules, Executor writes, SearchGate searches) {}

    private final XMPPConnection connection;
    private final RegistryStorage storage;
    private final ExecutorLease executors;
    private final List<IQRequestHandler> handlers = new ArrayList<>();
    /** Disowns waiting for the Thing's acknowledgement; a registration of that Thing waits for them to complete. */
    private final Map<ThingKey, CompletableFuture<Void>> disowning = new ConcurrentHashMap<>();

    private volatile State state;
    private boolean closed;

    private ThingRegistry(XMPPConnection connection, RegistryStorage storage, ThingRegistrySettings settings) {
        super(connection);
        this.connection = connection;
        this.storage = Objects.requireNonNull(storage, "storage");
        this.executors = new ExecutorLease(settings.executors());
        this.state = state(settings);
    }

    /**
     * Starts a registry with the default settings ({@link ThingRegistrySettings#DEFAULTS}).
     *
     * @param connection the registry's XMPP connection (logged in or not yet)
     * @param storage    the records; the caller closes it after {@link #close()}
     * @return the running registry
     * @throws IllegalStateException if a registry runs on the connection already
     */
    public static ThingRegistry start(XMPPConnection connection, RegistryStorage storage) {
        return start(connection, storage, ThingRegistrySettings.DEFAULTS);
    }

    /**
     * Starts a registry on a connection. On a connection that is logged in already, withhold its presence at login
     * ({@link io.github.xmppiot.core.connection.Readiness#holdPresence}) and announce it after this call: a Thing's
     * friend request that waited on the XMPP server is delivered with the first available presence (RFC 6121 §3.1.3)
     * and must meet the registry's accept-all rule, not the roster's mode before it.
     *
     * @param connection the registry's XMPP connection (logged in or not yet)
     * @param storage    the records; the caller closes it after {@link #close()}
     * @param settings   limits, timeouts, claim reports and executors
     * @return the running registry
     * @throws IllegalStateException if a registry runs on the connection already
     */
    public static ThingRegistry start(
            XMPPConnection connection, RegistryStorage storage, ThingRegistrySettings settings) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(settings, "settings");
        ThingRegistry registry;
        synchronized (ThingRegistry.class) {
            if (INSTANCES.containsKey(connection)) {
                throw new IllegalStateException(
                        "a ThingRegistry runs on this connection already: close() it before starting another");
            }
            registry = new ThingRegistry(connection, storage, settings);
            INSTANCES.put(connection, registry);
        }
        registry.install();
        return registry;
    }

    private State state(ThingRegistrySettings s) {
        RegistryOptions o = s.options();
        return new State(
                s,
                new RegistryRules(storage, o),
                executors.serial(o.maxQueuedWrites()),
                new SearchGate(executors, o.searchThreads(), o.maxQueuedSearches(), o.searchesPerJid()));
    }

    private void install() {
        UnparsableStanzas.installOn(connection); // a malformed stanza must not cost the connection
        Roster.getInstanceFor(connection).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        ServiceDiscoveryManager.getInstanceFor(connection).addFeature(DiscoveryXml.NAMESPACE);
        handle(Register.ELEMENT, Register.class, this::onRegister);
        handle(Mine.ELEMENT, Mine.class, this::onMine);
        handle(Remove.ELEMENT, Remove.class, this::onRemove);
        handle(Update.ELEMENT, Update.class, this::onUpdate);
        handle(Search.ELEMENT, Search.class, this::onSearch);
        handle(Unregister.ELEMENT, Unregister.class, this::onUnregister);
        handle(Disown.ELEMENT, Disown.class, this::onDisown);
    }

    /**
     * The settings in force.
     *
     * @return the current snapshot
     */
    public ThingRegistrySettings settings() {
        return state.settings();
    }

    /**
     * Replaces the settings; requests arriving from now on are served with them (requests already waiting finish with
     * the old ones, so a write queued before the change may run alongside one queued after it).
     * {@link RegistryOptions#answerTimeout()} is the one of the settings the registry was started with.
     *
     * @param settings the new settings
     * @throws IllegalStateException if the registry is closed
     */
    public synchronized void configure(ThingRegistrySettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (closed) {
            throw new IllegalStateException("this registry is closed: start a new one");
        }
        executors.follow(settings.executors());
        state = state(settings);
    }

    /**
     * Changes some settings, e.g. {@code update(s -> s.claimReporter(reporter))}, atomically with respect to other
     * changes.
     *
     * @param change edits a builder holding the current settings
     * @throws IllegalStateException if the registry is closed
     */
    public synchronized void update(UnaryOperator<ThingRegistrySettings.Builder> change) {
        configure(change.apply(settings().toBuilder()).build());
    }

    /**
     * The rules this registry applies with the current settings, for administration and tests.
     *
     * @return the rules
     */
    public RegistryRules rules() {
        return state.rules();
    }

    private CompletionStage<IQ> onRegister(State s, Register req) {
        // A Thing registers again as soon as it acknowledged disowned (XEP-0347 §3.17); that registration must follow
        // the completion of the disown, or it would meet the old owner's record.
        CompletableFuture<Void> pending = disowning.getOrDefault(
                new ThingKey(req.getFrom().asBareJid(), req.node().orElse(null)),
                CompletableFuture.completedFuture(null));
        return pending.thenCompose(v -> write(s, () -> {
            RegisterOutcome o = s.rules().register(req.getFrom(), req);
            if (o instanceof RegisterOutcome.AlreadyClaimed c) {
                return IotIqRequestHandler.resultFor(
                        req, new Claimed(c.owner(), req.node().orElse(null), true));
            }
            return IQ.createResultIQ(req);
        }));
    }

    private CompletionStage<IQ> onMine(State s, Mine req) {
        return this.<ThingRecord>write(s, () -> {
                    ThingRecord r = s.rules().claim(req.getFrom(), req);
                    tell(s, r, new Claimed(r.owner(), r.key().node(), r.isPublic()));
                    return r;
                })
                .thenCompose(r -> ClaimReports.report(s.settings(), r)
                        .thenApply(v -> IotIqRequestHandler.resultFor(
                                req, new Claimed(r.key().jid(), r.key().node(), r.isPublic()))));
    }

    private CompletionStage<IQ> onRemove(State s, Remove req) {
        return write(s, () -> {
            ThingRecord r = s.rules().remove(req.getFrom(), req);
            tell(s, r, new Removed(r.key().node()));
            return IQ.createResultIQ(req);
        });
    }

    private CompletionStage<IQ> onUpdate(State s, Update req) {
        return write(
                s,
                () -> s.rules().update(req.getFrom(), req)
                        ? IQ.createResultIQ(req)
                        : IotIqRequestHandler.resultFor(
                                req, new Disowned(req.node().orElse(null))));
    }

    private CompletionStage<IQ> onSearch(State s, Search req) {
        BareJid who = req.getFrom().asBareJid();
        try {
            s.rules().checkSearch(req);
            s.searches().acquire(who);
        } catch (IotErrorException e) {
            return CompletableFuture.failedFuture(e);
        }
        return this.<IQ>run(
                        () -> IotIqRequestHandler.resultFor(
                                req, new Found(s.rules().search(req))),
                        s.searches())
                .whenComplete((iq, e) -> s.searches().release(who));
    }

    private CompletionStage<IQ> onUnregister(State s, Unregister req) {
        return write(s, () -> {
            s.rules().unregister(req.getFrom(), req);
            return IQ.createResultIQ(req);
        });
    }

    private CompletionStage<IQ> onDisown(State s, Disown req) {
        CompletableFuture<Void> completed = new CompletableFuture<>();
        return write(s, () -> s.rules().checkDisown(req.getFrom(), req))
                .thenCompose(r -> {
                    disowning.put(r.key(), completed);
                    completed.whenComplete((v, e) -> disowning.remove(r.key(), completed));
                    Disowned disowned = new Disowned(r.key().node());
                    disowned.setTo(target(r));
                    return AsyncIq.send(
                                    connection, disowned, s.settings().options().thingTimeout())
                            .handle((ack, failure) -> {
                                if (failure != null) {
                                    throw new CompletionException(IotErrors.notAllowed(null));
                                }
                                return r;
                            });
                })
                .thenCompose(r -> write(s, () -> {
                    s.rules().completeDisown(req.getFrom(), r.key());
                    return IQ.createResultIQ(req);
                }))
                .whenComplete((iq, e) -> completed.complete(null));
    }

    /** Sends a notification to a Thing without waiting for its acknowledgement (the XEP does not require one). */
    private void tell(State s, ThingRecord r, IQ notification) {
        notification.setTo(target(r));
        AsyncIq.send(connection, notification, s.settings().options().thingTimeout())
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        LOG.log(
                                Level.FINE,
                                "Thing " + r.key() + " did not acknowledge " + notification.getChildElementName(),
                                failure);
                    }
                });
    }

    /** Where the Thing is: an available resource in the roster, else the full JID it last wrote from. */
    private Jid target(ThingRecord r) {
        Presence p = Roster.getInstanceFor(connection).getPresence(r.key().jid());
        if (p != null && p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
            return p.getFrom();
        }
        return r.lastSeen() != null ? r.lastSeen() : r.key().jid();
    }

    private <T> CompletableFuture<T> write(State s, Step<T> work) {
        return run(work, s.writes());
    }

    /**
     * Runs work on an executor; a full queue or work pool (or a closed registry) fails the stage with the refusal,
     * which the request handler answers {@code wait/resource-constraint}.
     */
    private <T> CompletableFuture<T> run(Step<T> work, Executor executor) {
        return Work.supply(executor, () -> {
            try {
                return work.run();
            } catch (IllegalArgumentException e) {
                throw IotErrors.badRequest(e.getMessage());
            }
        });
    }

    private <R extends IQ> void handle(String element, Class<R> type, BiFunction<State, R, CompletionStage<IQ>> body) {
        for (IQ.Type t : new IQ.Type[] {IQ.Type.set, IQ.Type.get}) {
            IQRequestHandler h =
                    new IotIqRequestHandler<R>(
                            connection,
                            element,
                            DiscoveryXml.NAMESPACE,
                            t,
                            type,
                            state.settings().options().answerTimeout()) {
                        @Override
                        protected CompletionStage<? extends IQ> handle(R request) {
                            return body.apply(state, request);
                        }
                    };
            connection.registerIQRequestHandler(h);
            handlers.add(h);
        }
    }

    /**
     * Stops answering requests, withdraws the feature, gives the executors back and lets a new registry start on the
     * connection; the storage and the connection stay open. Calling it again has no effect.
     */
    @Override
    public void close() {
        synchronized (ThingRegistry.class) {
            INSTANCES.remove(connection, this);
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (IQRequestHandler h : handlers) {
            connection.unregisterIQRequestHandler(h);
        }
        handlers.clear();
        ServiceDiscoveryManager.getInstanceFor(connection).removeFeature(DiscoveryXml.NAMESPACE);
        executors.close();
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws IotErrorException;
    }
}
