package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import io.github.xmppiot.concentrator.request.DataSourceRequest;
import io.github.xmppiot.concentrator.request.NodeDetail;
import io.github.xmppiot.concentrator.request.Request;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.Jid;

/**
 * Event subscriptions of XEP-0326 §3.4 (CHECKLIST 326-5, 326-6): per subscriber JID and data source, the event kinds
 * wanted and whether parameters and messages are included; and a bounded log of recent events for
 * {@code getEventsSince}. Subscriptions are never persisted.
 */
public final class Subscriptions {

    /** Events kept for {@code getEventsSince}. */
    public static final int LOG_SIZE = 10_000;

    private final Map<Jid, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Deque<Logged> log = new ArrayDeque<>();
    private boolean truncated;

    /**
     * A subscription.
     *
     * @param kinds      the event kinds wanted
     * @param parameters whether node parameters are included
     * @param messages   whether node messages are included
     */
    public record Subscription(Set<NodeEvent.Kind> kinds, boolean parameters, boolean messages) {}

    private record Logged(Instant at, NodeEvent event) {}

    /**
     * Adds or merges a subscription (repeating one is not an error and does not duplicate events).
     *
     * @param who the subscriber
     * @param req the {@code subscribe} request
     */
    public void subscribe(Jid who, ConcentratorRequest req) {
        DataSourceRequest.Subscribe s = (DataSourceRequest.Subscribe) Request.of(req);
        Set<NodeEvent.Kind> kinds = EnumSet.noneOf(NodeEvent.Kind.class);
        kinds.addAll(s.events());
        subscriptions.put(
                who,
                new Subscription(
                        kinds,
                        s.details().contains(NodeDetail.PARAMETERS),
                        s.details().contains(NodeDetail.MESSAGES)));
    }

    /**
     * Removes the event kinds the {@code unsubscribe} request selects; without a subscription this does nothing.
     *
     * @param who the subscriber
     * @param req the request
     */
    public void unsubscribe(Jid who, ConcentratorRequest req) {
        DataSourceRequest.Unsubscribe u = (DataSourceRequest.Unsubscribe) Request.of(req);
        subscriptions.computeIfPresent(who, (j, s) -> {
            Set<NodeEvent.Kind> kinds = EnumSet.noneOf(NodeEvent.Kind.class);
            kinds.addAll(s.kinds());
            kinds.removeAll(u.events());
            return kinds.isEmpty() ? null : new Subscription(kinds, s.parameters(), s.messages());
        });
    }

    /**
     * Drops every subscription of a JID (it went offline).
     *
     * @param who the subscriber
     */
    public void drop(Jid who) {
        subscriptions.remove(who);
    }

    /** @return a snapshot of the subscriptions */
    public Map<Jid, Subscription> snapshot() {
        return Map.copyOf(subscriptions);
    }

    /**
     * Records an event for {@code getEventsSince}.
     *
     * @param at    when it happened
     * @param event the event with parameters and messages
     */
    public synchronized void record(Instant at, NodeEvent event) {
        log.addLast(new Logged(at, event));
        if (log.size() > LOG_SIZE) {
            log.removeFirst();
            truncated = true;
        }
    }

    /**
     * The logged events after a time.
     *
     * @param since the time
     * @return the events in order, or null if the log no longer reaches back that far
     */
    public synchronized List<NodeEvent> since(Instant since) {
        if (truncated && !log.isEmpty() && log.peekFirst().at().isAfter(since)) {
            return null;
        }
        List<NodeEvent> out = new ArrayList<>();
        for (Logged l : log) {
            if (l.at().isAfter(since)) {
                out.add(l.event());
            }
        }
        return out;
    }

    /**
     * An event as a subscriber wants it: without parameters and messages unless requested.
     *
     * @param event the full event
     * @param s     the subscription
     * @return the event to send, or null if the subscriber does not want this kind
     */
    public static NodeEvent tailor(NodeEvent event, Subscription s) {
        if (!s.kinds().contains(event.kind())) {
            return null;
        }
        NodeInformation.Builder b = event.node().toBuilder();
        if (!s.parameters()) {
            b.clearParameters();
        }
        if (!s.messages() && event.kind() != NodeEvent.Kind.NODE_STATUS_CHANGED) {
            b.clearMessages();
        }
        return new NodeEvent(
                event.kind(),
                event.sourceId(),
                b.build(),
                event.afterNodeId(),
                event.afterNodeCacheType(),
                event.oldId());
    }
}
