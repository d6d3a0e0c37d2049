package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.connection.ConnectionEvent;
import io.github.xmppiot.core.connection.ConnectionStateListener;
import io.github.xmppiot.core.connection.ConnectionSupervisor;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.XMPPConnection;
import org.jxmpp.jid.Jid;

/**
 * The data-source subscriptions a concentrator client holds (XEP-0326 §3.4), so that they outlive a fresh session:
 * after a reconnect that did not resume the stream (a server restart loses the session and the concentrator may
 * have dropped the subscriber), each is sent again; one that fails (the concentrator is not back yet) is retried
 * with a growing pause (1 s doubling to 30 s) until it succeeds, is unsubscribed, or the next fresh session starts
 * over. At most {@link #MAX} subscriptions are kept per connection.
 */
public final class ActiveSubscriptions {

    /** The most subscriptions kept per connection. */
    public static final int MAX = 1024;

    private static final Logger LOG = Logger.getLogger(ActiveSubscriptions.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /**
     * One subscription as requested.
     *
     * @param to      the concentrator
     * @param request the {@code subscribe} request as sent
     * @param tokens  the tokens sent with it
     */
    public record Active(Jid to, DataSourceRequest.Subscribe request, Tokens tokens) {
        /** Checks the values. */
        public Active {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(tokens, "tokens");
        }

        /** @return the data source */
        public String sourceId() {
            return request.sourceId();
        }
    }

    private record Key(Jid to, String sourceId) {}

    private final Map<Key, Active> active = new ConcurrentHashMap<>();
    private final Function<Active, CompletableFuture<?>> send;
    private final BiConsumer<Duration, Runnable> later;
    private final AtomicLong generation = new AtomicLong();
    private final ConnectionSupervisor supervisor;
    private final ConnectionStateListener listener;

    /**
     * Keeps the subscriptions of a connection.
     *
     * @param connection the client's connection; its fresh sessions trigger the re-subscription
     * @param send       sends one {@code subscribe} request
     * @param later      runs a task after a pause (the client's timer, handing work to its work pool)
     */
    public ActiveSubscriptions(
            XMPPConnection connection,
            Function<Active, CompletableFuture<?>> send,
            BiConsumer<Duration, Runnable> later) {
        this.send = Objects.requireNonNull(send, "send");
        this.later = Objects.requireNonNull(later, "later");
        this.supervisor = ConnectionSupervisor.getInstanceFor(connection);
        this.listener = e -> {
            if (e instanceof ConnectionEvent.Restored r && !r.resumed()) {
                resubscribeAll();
            }
        };
        supervisor.addListener(listener);
    }

    /** Stops renewing: forgets every subscription and stops listening to the connection. */
    public void close() {
        supervisor.removeListener(listener);
        generation.incrementAndGet();
        active.clear();
    }

    /**
     * Records a subscription the concentrator accepted.
     *
     * @param a the subscription
     */
    public void subscribed(Active a) {
        Key k = new Key(a.to(), a.sourceId());
        if (active.size() >= MAX && !active.containsKey(k)) {
            LOG.warning(() -> "more than " + MAX + " data-source subscriptions: " + a.to() + " " + a.sourceId()
                    + " will not be renewed after a fresh session");
            return;
        }
        active.put(k, a);
    }

    /**
     * Forgets a subscription (unsubscribed).
     *
     * @param to       the concentrator
     * @param sourceId the data source
     */
    public void unsubscribed(Jid to, String sourceId) {
        active.remove(new Key(to, sourceId));
    }

    /** @return the subscriptions held now */
    public java.util.Collection<Active> all() {
        return java.util.List.copyOf(active.values());
    }

    /** Sends every subscription again (after a fresh session); failures are retried in the background. */
    public void resubscribeAll() {
        long gen = generation.incrementAndGet();
        active.values().forEach(a -> resubscribe(a, gen, FIRST_RETRY));
    }

    private void resubscribe(Active a, long gen, Duration pause) {
        if (gen != generation.get() || !a.equals(active.get(new Key(a.to(), a.sourceId())))) {
            return; // unsubscribed meanwhile, or a newer session started over
        }
        send.apply(a).whenComplete((v, e) -> {
            if (e == null) {
                LOG.fine(() -> "subscribed again to " + a.to() + " " + a.sourceId());
                return;
            }
            LOG.log(
                    Level.FINE,
                    "subscribing again to " + a.to() + " " + a.sourceId() + " failed; retrying in " + pause.toMillis()
                            + " ms",
                    e);
            Duration next = pause.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : pause.multipliedBy(2);
            later.accept(pause, () -> resubscribe(a, gen, next));
        });
    }
}
