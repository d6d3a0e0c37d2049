package io.github.xmppiot.discovery.registry;

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
import io.github.xmppiot.discovery.provider.DiscoveryProviders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * {@code get} (Smack's smack-experimental sends {@code get}). All storage writes run on one registry thread, never on
 * Smack's reader thread; every request is answered, and only after its changes are committed. Searches only read and
 * run on their own bounded pool ({@link RegistryOptions#searchThreads()}), so a slow search never delays a
 * registration or a claim; the limits of {@link RegistryOptions} are answered with {@code bad-request} or
 * {@code resource-constraint}.
 *
 * @since 0.1.0
 */
public final class ThingRegistry implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ThingRegistry.class.getName());

    private final XMPPConnection connection;
    private final RegistryRules rules;
    private final RegistryOptions options;
    private final ExecutorService worker;
    private final ThreadPoolExecutor searchers;
    private final Map<BareJid, Integer> searchesByJid = new HashMap<>();
    private final List<IQRequestHandler> handlers = new ArrayList<>();
    /** Disowns waiting for the Thing's acknowledgement; a registration of that Thing waits for them to complete. */
    private final Map<ThingKey, CompletableFuture<Void>> disowning = new ConcurrentHashMap<>();

    private volatile ClaimReporter claimReporter;

    private ThingRegistry(XMPPConnection connection, RegistryStorage storage, RegistryOptions options) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.options = Objects.requireNonNull(options, "options");
        this.rules = new RegistryRules(storage, options);
        this.worker = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(options.maxQueuedWrites()), r -> {
                    Thread t = new Thread(r, "xep0347-registry");
                    t.setDaemon(true);
                    return t;
                });
        AtomicInteger n = new AtomicInteger();
        this.searchers = new ThreadPoolExecutor(
                options.searchThreads(),
                options.searchThreads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.maxQueuedSearches()),
                r -> {
                    Thread t = new Thread(r, "xep0347-search-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        searchers.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts a registry on a connection.
     *
     * @param connection the registry's XMPP connection (logged in or not yet)
     * @param storage    the records; the caller closes it after {@link #close()}
     * @param options    limits and timeouts
     * @return the running registry
     */
    public static ThingRegistry start(XMPPConnection connection, RegistryStorage storage, RegistryOptions options) {
        DiscoveryProviders.register();
        ThingRegistry registry = new ThingRegistry(connection, storage, options);
        registry.install();
        return registry;
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
     * The rules this registry applies, for administration and tests.
     *
     * @return the rules
     */
    public RegistryRules rules() {
        return rules;
    }

    private CompletionStage<IQ> onRegister(Register req) {
        // A Thing registers again as soon as it acknowledged disowned (XEP-0347 §3.17); that registration must follow
        // the completion of the disown, or it would meet the old owner's record.
        CompletableFuture<Void> pending = disowning.getOrDefault(
                new ThingKey(req.getFrom().asBareJid(), req.node().orElse(null)),
                CompletableFuture.completedFuture(null));
        return pending.thenCompose(v -> work(() -> {
            RegisterOutcome o = rules.register(req.getFrom(), req);
            if (o instanceof RegisterOutcome.AlreadyClaimed c) {
                return IotIqRequestHandler.resultFor(
                        req, new Claimed(c.owner(), req.node().orElse(null), true));
            }
            return IQ.createResultIQ(req);
        }));
    }

    /**
     * Reports every later claim to a provisioning server (XEP-0324), so that the owner's rights there follow the
     * claim (see {@link ClaimReporter#provisioningServer}). The owner is answered after the report completed or
     * failed, at most {@link RegistryOptions#thingTimeout()} later; a failed report is logged and does not undo the
     * claim.
     *
     * @param reporter the reporter, or null to report nothing (the default)
     * @return this registry
     */
    public ThingRegistry reportClaimsTo(ClaimReporter reporter) {
        this.claimReporter = reporter;
        return this;
    }

    private CompletionStage<IQ> onMine(Mine req) {
        return this.<ThingRecord>work(() -> {
                    ThingRecord r = rules.claim(req.getFrom(), req);
                    tell(r, new Claimed(r.owner(), r.key().node(), r.isPublic()));
                    return r;
                })
                .thenCompose(r -> report(r)
                        .thenApply(v -> IotIqRequestHandler.resultFor(
                                req, new Claimed(r.key().jid(), r.key().node(), r.isPublic()))));
    }

    /** Tells the provisioning server about a committed claim; never fails (a failure is logged). */
    private CompletableFuture<Void> report(ThingRecord r) {
        ClaimReporter reporter = claimReporter;
        if (reporter == null || r.owner() == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> reported;
        try {
            reported = reporter.claimed(r.key().jid(), r.owner().asBareJid()).toCompletableFuture();
        } catch (RuntimeException e) {
            reported = CompletableFuture.failedFuture(e);
        }
        return reported.orTimeout(options.thingTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((v, e) -> {
                    if (e != null) {
                        LOG.log(
                                Level.WARNING,
                                "the claim of " + r.key() + " by " + r.owner() + " was not reported to the"
                                        + " provisioning server; the owner can claim there with the claim string",
                                e);
                    }
                    return null;
                });
    }

    private CompletionStage<IQ> onRemove(Remove req) {
        return work(() -> {
            ThingRecord r = rules.remove(req.getFrom(), req);
            tell(r, new Removed(r.key().node()));
            return IQ.createResultIQ(req);
        });
    }

    private CompletionStage<IQ> onUpdate(Update req) {
        return work(() -> rules.update(req.getFrom(), req)
                ? IQ.createResultIQ(req)
                : IotIqRequestHandler.resultFor(req, new Disowned(req.node().orElse(null))));
    }

    private CompletionStage<IQ> onSearch(Search req) {
        BareJid who = req.getFrom().asBareJid();
        try {
            rules.checkSearch(req);
            takeSearchSlot(who);
        } catch (IotErrorException e) {
            return CompletableFuture.failedFuture(e);
        }
        return this.<IQ>work(() -> IotIqRequestHandler.resultFor(req, new Found(rules.search(req))), searchers)
                .whenComplete((iq, e) -> giveSearchSlot(who));
    }

    private synchronized void takeSearchSlot(BareJid who) throws IotErrorException {
        int mine = searchesByJid.getOrDefault(who, 0);
        if (mine >= options.searchesPerJid()) {
            throw IotErrors.resourceConstraint(who + " already has " + mine + " searches in progress (the limit)");
        }
        searchesByJid.put(who, mine + 1);
    }

    private synchronized void giveSearchSlot(BareJid who) {
        searchesByJid.computeIfPresent(who, (k, v) -> v <= 1 ? null : v - 1);
    }

    private CompletionStage<IQ> onUnregister(Unregister req) {
        return work(() -> {
            rules.unregister(req.getFrom(), req);
            return IQ.createResultIQ(req);
        });
    }

    private CompletionStage<IQ> onDisown(Disown req) {
        CompletableFuture<Void> completed = new CompletableFuture<>();
        return work(() -> rules.checkDisown(req.getFrom(), req))
                .thenCompose(r -> {
                    disowning.put(r.key(), completed);
                    completed.whenComplete((v, e) -> disowning.remove(r.key(), completed));
                    Disowned disowned = new Disowned(r.key().node());
                    disowned.setTo(target(r));
                    return AsyncIq.send(connection, disowned, options.thingTimeout())
                            .handle((ack, failure) -> {
                                if (failure != null) {
                                    throw new CompletionException(IotErrors.notAllowed(null));
                                }
                                return r;
                            });
                })
                .thenCompose(r -> work(() -> {
                    rules.completeDisown(req.getFrom(), r.key());
                    return IQ.createResultIQ(req);
                }))
                .whenComplete((iq, e) -> completed.complete(null));
    }

    /** Sends a notification to a Thing without waiting for its acknowledgement (the XEP does not require one). */
    private void tell(ThingRecord r, IQ notification) {
        notification.setTo(target(r));
        AsyncIq.send(connection, notification, options.thingTimeout()).whenComplete((ack, failure) -> {
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

    private <T> CompletableFuture<T> work(Work<T> work) {
        return work(work, worker);
    }

    /** Runs work on an executor; a full queue is answered {@code resource-constraint}. */
    private <T> CompletableFuture<T> work(Work<T> work, Executor executor) {
        try {
            return submit(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(IotErrors.resourceConstraint("the registry has "
                    + (executor == searchers
                            ? options.maxQueuedSearches() + " searches"
                            : options.maxQueuedWrites() + " requests")
                    + " waiting (the limit); retry later"));
        }
    }

    private <T> CompletableFuture<T> submit(Work<T> work, Executor executor) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return work.run();
                    } catch (IotErrorException e) {
                        throw new CompletionException(e);
                    } catch (IllegalArgumentException e) {
                        throw new CompletionException(IotErrors.badRequest(e.getMessage()));
                    }
                },
                executor);
    }

    private <R extends IQ> void handle(String element, Class<R> type, Function<R, CompletionStage<IQ>> body) {
        for (IQ.Type t : new IQ.Type[] {IQ.Type.set, IQ.Type.get}) {
            IQRequestHandler h =
                    new IotIqRequestHandler<R>(
                            connection, element, DiscoveryXml.NAMESPACE, t, type, options.answerTimeout()) {
                        @Override
                        protected CompletionStage<? extends IQ> handle(R request) {
                            return body.apply(request);
                        }
                    };
            connection.registerIQRequestHandler(h);
            handlers.add(h);
        }
    }

    /**
     * Stops answering requests and withdraws the feature; the storage stays open.
     */
    @Override
    public void close() {
        for (IQRequestHandler h : handlers) {
            connection.unregisterIQRequestHandler(h);
        }
        handlers.clear();
        ServiceDiscoveryManager.getInstanceFor(connection).removeFeature(DiscoveryXml.NAMESPACE);
        worker.shutdown();
        searchers.shutdown();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws IotErrorException;
    }
}
