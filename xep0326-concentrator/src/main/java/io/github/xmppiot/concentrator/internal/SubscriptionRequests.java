package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.ConcentratorCommand;
import io.github.xmppiot.concentrator.element.ConcentratorRequest;
import io.github.xmppiot.concentrator.element.ConcentratorResponse;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.ResultCode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiConsumer;
import org.jxmpp.jid.Jid;

/**
 * Answers {@code subscribe} and {@code unsubscribe} (XEP-0326 §3.4): keeps the subscriber's selection in
 * {@link Subscriptions} and, for {@code getEventsSince}, sends the logged events since that time, tailored to the
 * subscription, before the answer.
 */
public final class SubscriptionRequests {

    private final Subscriptions subscriptions;
    private final BiConsumer<Jid, NodeEvent> send;

    /**
     * Creates the handler.
     *
     * @param subscriptions the server's subscriptions
     * @param send          sends an event to a subscriber
     */
    public SubscriptionRequests(Subscriptions subscriptions, BiConsumer<Jid, NodeEvent> send) {
        this.subscriptions = subscriptions;
        this.send = send;
    }

    /**
     * Answers a {@code subscribe} or {@code unsubscribe} request.
     *
     * @param r the request
     * @return the response: {@code OK}, or {@code NotFound} for another data source, or {@code NotImplemented} when
     *     the events asked for are older than the log reaches
     */
    public ConcentratorResponse handle(ConcentratorRequest r) {
        ConcentratorCommand c = r.command();
        if (!NodeTree.SOURCE_ID.equals(r.sourceId().orElse(null))) {
            return NodeQueries.fail(c, ResultCode.NOT_FOUND, "unknown data source");
        }
        if (c == ConcentratorCommand.UNSUBSCRIBE) {
            subscriptions.unsubscribe(r.getFrom(), r);
            return ConcentratorResponse.builder(c, ResultCode.OK).build();
        }
        var since = r.eventsSince();
        if (since.isPresent()) {
            List<NodeEvent> past = subscriptions.since(since.get().toInstant(ZoneOffset.UTC));
            if (past == null) {
                return NodeQueries.fail(c, ResultCode.NOT_IMPLEMENTED, "events that old are no longer available");
            }
            subscriptions.subscribe(r.getFrom(), r);
            Subscriptions.Subscription s = subscriptions.snapshot().get(r.getFrom());
            for (NodeEvent e : past) {
                NodeEvent t = Subscriptions.tailor(e, s);
                if (t != null) {
                    send.accept(r.getFrom(), t);
                }
            }
        } else {
            subscriptions.subscribe(r.getFrom(), r);
        }
        return ConcentratorResponse.builder(c, ResultCode.OK).build();
    }
}
