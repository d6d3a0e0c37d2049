package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.TreeEvent;
import io.github.xmppiot.concentrator.element.NodeEvent;
import io.github.xmppiot.concentrator.element.NodeInformation;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.jxmpp.jid.Jid;

/**
 * The data-source events of a served tree (XEP-0326 §3.4): each change becomes a {@link NodeEvent}, is logged for
 * {@code getEventsSince}, and is sent to every subscriber that wants it, in order, through a bounded serial executor;
 * an event over its bound is dropped and logged.
 */
public final class TreeEvents implements Consumer<TreeEvent> {

    private static final Logger LOG = Logger.getLogger(TreeEvents.class.getName());

    private final NodeDescriber describer;
    private final Subscriptions subscriptions;
    private final Supplier<Executor> events;
    private final BiConsumer<Jid, NodeEvent> send;

    /**
     * Creates the events of a tree.
     *
     * @param tree          the tree
     * @param subscriptions the subscribers and the event log
     * @param events        the current serial executor events are sent through (refuses tasks over its bound)
     * @param send          sends one event to one subscriber
     */
    public TreeEvents(
            NodeTree tree, Subscriptions subscriptions, Supplier<Executor> events, BiConsumer<Jid, NodeEvent> send) {
        this.describer = new NodeDescriber(tree);
        this.subscriptions = subscriptions;
        this.events = events;
        this.send = send;
    }

    /**
     * Publishes a change; called by the tree while it is locked, so it only queues the sending.
     *
     * @param e the change
     */
    @Override
    public void accept(TreeEvent e) {
        NodeEvent event;
        if (e.kind().carriesInformation()) {
            event = new NodeEvent(
                    e.kind(),
                    NodeTree.SOURCE_ID,
                    describer.describe(e.node(), true, true),
                    e.afterNodeId(),
                    null,
                    e.oldId());
        } else if (e.kind() == NodeEvent.Kind.NODE_STATUS_CHANGED) {
            var b = NodeInformation.builder(e.node().nodeId()).state(e.node().state());
            e.node().messages().forEach(b::message);
            event = new NodeEvent(e.kind(), NodeTree.SOURCE_ID, b.build(), null, null, null);
        } else {
            event = NodeEvent.ofRef(e.kind(), e.node().ref());
        }
        subscriptions.record(Instant.now(), event);
        Executor out = events.get();
        for (var s : subscriptions.snapshot().entrySet()) {
            NodeEvent t = Subscriptions.tailor(event, s.getValue());
            if (t != null) {
                Jid to = s.getKey();
                try {
                    out.execute(() -> send.accept(to, t));
                } catch (RejectedExecutionException full) {
                    LOG.warning(() -> "too many events waiting to be sent (" + full.getMessage() + "); dropped a "
                            + t.kind() + " event to " + to);
                }
            }
        }
    }
}
