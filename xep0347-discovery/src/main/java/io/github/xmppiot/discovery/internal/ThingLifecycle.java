package io.github.xmppiot.discovery.internal;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import io.github.xmppiot.core.meta.StringTag;
import io.github.xmppiot.discovery.RegistrationResult;
import io.github.xmppiot.discovery.ThingDiscoveryListener;
import io.github.xmppiot.discovery.ThingDiscoveryManagerSettings;
import io.github.xmppiot.discovery.UpdateOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * What a Thing knows about each of its registrations, and the follow-up actions of XEP-0347 after {@code claimed}
 * (§3.9: accept and request the owner's friendship, no more registering, clear {@code KEY}, publish public tags),
 * {@code removed} (§3.10: unfriend the registry, no more updates) and {@code disowned} (§3.17: unfriend the owner,
 * register again with a new {@code KEY}), keeping the friendship with a registry account only while needed (§5.3).
 * Not API.
 */
public final class ThingLifecycle {

    private static final Logger LOG = Logger.getLogger(ThingLifecycle.class.getName());
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /** Requests to the registry. */
    public interface Wire {
        /** Sends {@code register}. */
        CompletableFuture<RegistrationResult> register(List<MetaTag> tags, NodeRef node, boolean selfOwned);

        /** Sends {@code update}. */
        CompletableFuture<UpdateOutcome> update(List<MetaTag> tags, NodeRef node);

        /** Sends {@code unregister}. */
        CompletableFuture<Void> unregister(NodeRef node);

        /** The registry's JID. */
        CompletableFuture<Jid> registry();
    }

    /** Presence subscriptions; never blocks the caller. */
    public interface Friends {
        /** Accepts the contact's subscription requests (now and later) and requests its presence. */
        CompletableFuture<Void> befriend(BareJid contact);

        /** Removes the contact from the roster (both directions) and stops accepting it. */
        CompletableFuture<Void> unfriend(BareJid contact);
    }

    /** Where a registration stands. */
    public enum Phase {
        /** Registered, waiting for an owner. */
        AWAITING_CLAIM,
        /** Registered as self-owned. */
        SELF_OWNED,
        /** Claimed by an owner. */
        CLAIMED,
        /** Removed from the registry by its owner. */
        REMOVED,
        /** Disowned; registering again. */
        DISOWNED
    }

    /** The state of one registration. */
    public record Node(Phase phase, List<MetaTag> tags, BareJid owner) {}

    private record Key(NodeRef node) {}

    private final Wire wire;
    private final Friends friends;
    private final List<ThingDiscoveryListener> listeners;
    private final Map<Key, Node> nodes = new ConcurrentHashMap<>();
    private final Supplier<ThingDiscoveryManagerSettings> settings;
    private final Object lock = new Object();
    private int inFlight;
    private CompletableFuture<Void> friendshipOps = DONE;

    /** Creates the lifecycle with the default settings. */
    public ThingLifecycle(Wire wire, Friends friends, List<ThingDiscoveryListener> listeners) {
        this(wire, friends, listeners, () -> ThingDiscoveryManagerSettings.DEFAULTS);
    }

    /**
     * Creates the lifecycle.
     *
     * @param settings the manager's current settings (follow-ups, keys, public tags), read when an event arrives
     */
    public ThingLifecycle(
            Wire wire,
            Friends friends,
            List<ThingDiscoveryListener> listeners,
            Supplier<ThingDiscoveryManagerSettings> settings) {
        this.wire = wire;
        this.friends = friends;
        this.listeners = listeners;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Whether follow-up actions are on in the current settings. */
    public boolean followUps() {
        return settings.get().followUps();
    }

    /** The state of a registration, if known. */
    public Node state(NodeRef node) {
        return nodes.get(new Key(node));
    }

    /**
     * Registers again every node that awaits its claim or is self-owned, with the same tags, after the connection
     * came back with a fresh session: a registry that lost the registration gets it back, one that kept it updates
     * it (XEP-0347 §3.6). Claimed and removed nodes are left alone: their state belongs to the registry and owner.
     *
     * @return completes when every registration has been answered (failures are logged)
     */
    public CompletableFuture<Void> registerAgain() {
        List<CompletableFuture<Void>> sent = new java.util.ArrayList<>();
        nodes.forEach((k, n) -> {
            if (n.phase() == Phase.AWAITING_CLAIM || n.phase() == Phase.SELF_OWNED) {
                CompletableFuture<Void> f = register(n.tags(), k.node(), n.phase() == Phase.SELF_OWNED)
                        .thenApply(r -> null);
                sent.add(logged(f, "register " + k.node() + " again after a new session"));
            }
        });
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    /** Forgets a registration (factory reset). */
    public void forget(NodeRef node) {
        nodes.remove(new Key(node));
    }

    /** Registers, unless follow-ups are on and the node is known to be claimed. */
    public CompletableFuture<RegistrationResult> register(List<MetaTag> tags, NodeRef node, boolean selfOwned) {
        Key k = new Key(node);
        Node now = nodes.get(k);
        boolean followUps = followUps();
        if (followUps && now != null && now.phase() == Phase.CLAIMED) {
            return CompletableFuture.completedFuture(new RegistrationResult.AlreadyClaimed(now.owner()));
        }
        return request(() -> wire.register(tags, node, selfOwned), r -> {
            if (r instanceof RegistrationResult.AlreadyClaimed c) {
                nodes.put(
                        k, new Node(Phase.CLAIMED, List.copyOf(tags), c.owner().asBareJid()));
                if (followUps) {
                    logged(friends.befriend(c.owner().asBareJid()), "befriend owner " + c.owner());
                }
            } else {
                nodes.put(k, new Node(selfOwned ? Phase.SELF_OWNED : Phase.AWAITING_CLAIM, List.copyOf(tags), null));
            }
        });
    }

    /** Updates, unless follow-ups are on and the node was removed; {@code NOT_FOUND} marks it removed. */
    public CompletableFuture<UpdateOutcome> update(List<MetaTag> tags, NodeRef node) {
        Key k = new Key(node);
        Node now = nodes.get(k);
        if (followUps() && now != null && now.phase() == Phase.REMOVED) {
            return CompletableFuture.completedFuture(UpdateOutcome.NOT_FOUND);
        }
        return request(() -> wire.update(tags, node), outcome -> {
            if (outcome == UpdateOutcome.NOT_FOUND) {
                nodes.compute(k, (key, old) -> new Node(Phase.REMOVED, old == null ? List.of() : old.tags(), null));
            }
        });
    }

    /** Unregisters and forgets the node. */
    public CompletableFuture<Void> unregister(NodeRef node) {
        return request(() -> wire.unregister(node), v -> nodes.remove(new Key(node)));
    }

    /** After the registry's {@code claimed} was acknowledged. */
    public void onClaimed(Jid owner, NodeRef node, boolean isPublic) {
        Key k = new Key(node);
        nodes.compute(
                k, (key, old) -> new Node(Phase.CLAIMED, old == null ? List.of() : old.tags(), owner.asBareJid()));
        ThingDiscoveryManagerSettings now = settings.get();
        if (!now.followUps()) {
            fire(l -> l.claimed(owner, node, isPublic));
            return;
        }
        CompletableFuture<Void> friendship = logged(friends.befriend(owner.asBareJid()), "befriend owner " + owner);
        List<MetaTag> after = new ArrayList<>();
        after.add(new StringTag(MetaTags.KEY, ""));
        if (isPublic) {
            after.addAll(now.publicTags(node));
        }
        CompletableFuture<UpdateOutcome> published = request(() -> wire.update(after, node), o -> {})
                .exceptionally(e -> {
                    LOG.log(Level.WARNING, "clearing KEY after the claim of " + node + " failed", e);
                    return null;
                });
        CompletableFuture.allOf(friendship, published)
                .whenComplete((v, e) -> fire(l -> l.claimed(owner, node, isPublic)));
    }

    /** After the registry's {@code removed} was acknowledged. */
    public void onRemoved(NodeRef node) {
        nodes.compute(new Key(node), (key, old) -> new Node(Phase.REMOVED, old == null ? List.of() : old.tags(), null));
        fire(l -> l.removed(node));
        releaseRegistryIfIdle();
    }

    /** After the registry's {@code disowned} was acknowledged. */
    public void onDisowned(NodeRef node) {
        Key k = new Key(node);
        Node old = nodes.get(k);
        List<MetaTag> tags = old == null ? List.of() : old.tags();
        nodes.put(k, new Node(Phase.DISOWNED, tags, null));
        fire(l -> l.disowned(node));
        ThingDiscoveryManagerSettings now = settings.get();
        if (!now.followUps()) {
            return;
        }
        BareJid owner = old == null ? null : old.owner();
        if (owner != null
                && nodes.values().stream().noneMatch(n -> n.phase() == Phase.CLAIMED && owner.equals(n.owner()))) {
            logged(friends.unfriend(owner), "unfriend former owner " + owner);
        }
        if (tags.isEmpty()) {
            LOG.info("disowned " + node
                    + " but its registered tags are unknown here: the application registers it again");
            releaseRegistryIfIdle();
            return;
        }
        List<MetaTag> fresh = new ArrayList<>();
        for (MetaTag t : tags) {
            if (!t.name().equalsIgnoreCase(MetaTags.KEY)) {
                fresh.add(t);
            }
        }
        fresh.add(new StringTag(MetaTags.KEY, now.keys().newKey(node)));
        List<MetaTag> registered = List.copyOf(fresh);
        register(registered, node, false).whenComplete((r, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "registering " + node + " again after disowned failed", e);
            } else if (r instanceof RegistrationResult.Registered) {
                fire(l -> l.registeredAgain(node, registered));
            }
        });
    }

    /** Sends a request while holding the registry friendship; {@code onResult} runs before the hold is released. */
    private <T> CompletableFuture<T> request(Supplier<CompletableFuture<T>> send, Consumer<T> onResult) {
        CompletableFuture<Void> gate;
        synchronized (lock) {
            inFlight++;
            gate = friendshipOps;
        }
        return gate.thenCompose(v -> send.get()).whenComplete((r, e) -> {
            try {
                if (e == null) {
                    onResult.accept(r);
                }
            } finally {
                synchronized (lock) {
                    inFlight--;
                }
                releaseRegistryIfIdle();
            }
        });
    }

    /**
     * Unfriends a registry account once nothing needs it: no request in flight and no registration waiting for a
     * claim (XEP-0347 §5.3). Requests started meanwhile wait for the unfriending to finish and then subscribe again.
     */
    private void releaseRegistryIfIdle() {
        if (!followUps()) {
            return;
        }
        synchronized (lock) {
            friendshipOps = friendshipOps
                    .thenCompose(v -> {
                        if (!idle()) {
                            return DONE;
                        }
                        return wire.registry()
                                .thenCompose(reg -> reg.hasLocalpart() ? friends.unfriend(reg.asBareJid()) : DONE);
                    })
                    .exceptionally(e -> {
                        LOG.log(Level.FINE, "could not unfriend the registry", e);
                        return null;
                    });
        }
    }

    private boolean idle() {
        synchronized (lock) {
            return inFlight == 0 && nodes.values().stream().noneMatch(n -> n.phase() == Phase.AWAITING_CLAIM);
        }
    }

    private void fire(Consumer<ThingDiscoveryListener> event) {
        for (ThingDiscoveryListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "listener failed", e);
            }
        }
    }

    private static CompletableFuture<Void> logged(CompletableFuture<Void> f, String what) {
        return f.exceptionally(e -> {
            LOG.log(Level.WARNING, what + " failed", e);
            return null;
        });
    }
}
