package io.github.xmppiot.discovery;

import io.github.xmppiot.core.concurrent.Work;
import io.github.xmppiot.core.internal.Failures;
import io.github.xmppiot.discovery.internal.DiscoveryXml;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.AbstractPresenceEventListener;
import org.jivesoftware.smack.roster.PresenceEventListener;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * Finds the Thing Registry and the address to send requests to (XEP-0347 §3.5 "Finding Thing Registry", §5.1 "JID vs
 * Component Thing Registries", §5.3 "Friendships between Things and Registry"):
 * <ul>
 *   <li>a configured component address (a domain JID such as {@code discovery.example.org}) is used as is;</li>
 *   <li>a configured registry account (a bare JID such as {@code registry@example.org}) is made a friend (presence
 *       subscription, which the registry accepts) and addressed at its available full JID, because a server answers IQs
 *       sent to a bare account JID itself;</li>
 *   <li>without configuration, the server's components are searched for the feature {@code urn:xmpp:iot:discovery}
 *       (XEP-0030, XEP-0347 §4).</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class RegistryLocator {

    private final XMPPConnection connection;
    private final Jid configured;
    private final Duration timeout;
    private final Executor executor;

    /**
     * Creates a locator.
     *
     * @param connection the connection of the Thing or owner
     * @param configured the configured registry (component or account JID), or null to search the server's components
     * @param timeout    how long to wait for disco answers and for the registry's presence
     * @param executor   runs the blocking Smack calls (disco, roster), never Smack's reader thread
     */
    public RegistryLocator(XMPPConnection connection, Jid configured, Duration timeout, Executor executor) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.configured = configured;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The registry's JID: the configured one, or the first server component advertising {@code urn:xmpp:iot:discovery}.
     *
     * @return completes with the registry's JID, or exceptionally with {@link RegistryNotFoundException}
     */
    public CompletableFuture<Jid> registry() {
        if (configured != null) {
            return CompletableFuture.completedFuture(configured);
        }
        return Work.supply(executor, this::searchComponents); // refused: the manager is closed or its pool full
    }

    private Jid searchComponents() {
        try {
            List<DomainBareJid> found =
                    ServiceDiscoveryManager.getInstanceFor(connection).findServices(DiscoveryXml.NAMESPACE, true, true);
            if (found.isEmpty()) {
                throw new CompletionException(
                        new RegistryNotFoundException("no server component supports " + DiscoveryXml.NAMESPACE));
            }
            return found.get(0);
        } catch (CompletionException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(new RegistryNotFoundException("service discovery failed: " + e));
        }
    }

    /**
     * The address to send requests to: the registry's JID if it is a component or full JID, else the full JID of an
     * available resource of the registry account, subscribing to its presence first if needed.
     *
     * @return completes with the address, or exceptionally with {@link RegistryNotFoundException} if the registry
     *         account is not online within the timeout
     */
    public CompletableFuture<Jid> address() {
        return registry()
                .thenCompose(jid -> jid.hasLocalpart() && !jid.hasResource()
                        ? online(jid)
                        : CompletableFuture.completedFuture(jid));
    }

    /**
     * The address to send requests to, waiting as long as it takes (XEP-0347 §5.3): like {@link #address()}, but a
     * registry account that is offline is waited for without a time limit, found by its bare JID through presence
     * whenever it comes online (before or after the Thing, and under any resource). Cancel the returned future to stop
     * waiting.
     *
     * @param waiting run once if the registry is not reachable at once (e.g. to say that the Thing waits for it)
     * @return completes with the address, or exceptionally with {@link RegistryNotFoundException} if no registry is
     *         configured and none is found among the server's components, or its presence cannot be requested
     */
    public CompletableFuture<Jid> awaitAddress(Runnable waiting) {
        Objects.requireNonNull(waiting, "waiting");
        return registry()
                .thenCompose(jid -> jid.hasLocalpart() && !jid.hasResource()
                        ? online(jid, null, waiting)
                        : CompletableFuture.completedFuture(jid));
    }

    private CompletableFuture<Jid> online(Jid account) {
        return online(account, timeout, () -> {});
    }

    private CompletableFuture<Jid> online(Jid account, Duration limit, Runnable waiting) {
        Roster roster = Roster.getInstanceFor(connection);
        // a presence may outlive the friendship (XEP-0347 §5.3: a Thing unfriends the registry when done), so the
        // subscription is checked first
        Optional<Jid> now = roster.iAmSubscribedTo(account) ? available(roster, account) : Optional.empty();
        if (now.isPresent()) {
            return CompletableFuture.completedFuture(now.get());
        }
        CompletableFuture<Jid> f = new CompletableFuture<>();
        PresenceEventListener listener = new AbstractPresenceEventListener() {
            @Override
            public void presenceAvailable(FullJid address, Presence presence) {
                if (address.asBareJid().equals(account.asBareJid())) {
                    f.complete(address);
                }
            }
        };
        roster.addPresenceEventListener(listener);
        if (roster.iAmSubscribedTo(account)) {
            available(roster, account).ifPresent(f::complete);
        }
        if (!f.isDone()) {
            waiting.run();
        }
        Work.run(executor, () -> {
                    try {
                        if (!f.isDone() && !roster.iAmSubscribedTo(account)) {
                            roster.createItemAndRequestSubscription(account.asBareJid(), null, null);
                        }
                    } catch (Exception e) {
                        f.completeExceptionally(
                                new RegistryNotFoundException("cannot subscribe to " + account + ": " + e));
                    }
                })
                .exceptionally(e -> {
                    f.completeExceptionally(e); // refused: the manager is closed or its pool full
                    return null;
                });
        CompletableFuture<Jid> bounded = limit == null ? f : f.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Jid> result = bounded.handle((jid, e) -> {
            roster.removePresenceEventListener(listener);
            if (e != null) {
                Throwable cause = Failures.unwrap(e);
                throw new CompletionException(
                        cause instanceof RegistryNotFoundException
                                ? cause
                                : new RegistryNotFoundException("registry " + account + " is not online"));
            }
            return jid;
        });
        if (limit == null) {
            result.whenComplete((jid, e) -> f.cancel(false)); // a cancelled wait stops listening
        }
        return result;
    }

    private static Optional<Jid> available(Roster roster, Jid account) {
        Presence p = roster.getPresence(account.asBareJid());
        if (p != null && p.isAvailable() && p.getFrom() != null && p.getFrom().hasResource()) {
            return Optional.of(p.getFrom());
        }
        return Optional.empty();
    }
}
