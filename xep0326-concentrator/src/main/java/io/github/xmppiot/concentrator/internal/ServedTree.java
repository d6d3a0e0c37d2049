package io.github.xmppiot.concentrator.internal;

import io.github.xmppiot.concentrator.NodeTree;
import io.github.xmppiot.concentrator.element.NodeEvent;
import java.util.List;
import java.util.function.BiConsumer;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.Jid;

/**
 * The tree a concentrator server serves and the internals built on it: the query, editing and command handlers
 * (XEP-0326 §3.2–§3.12) and the tree's events to subscribers (§3.4). {@link #start} registers the request handlers,
 * the tree listener and the disco feature; {@link #stop} removes them, drops the subscriptions and aborts the queries.
 */
public final class ServedTree {

    private final NodeTree tree;
    private final NodeQueries queries;
    private final NodeEditing editing;
    private final NodeCommands commands;
    private final TreeEvents events;
    private final Subscriptions subscriptions;
    private final QueryRunner runner;
    private List<? extends IQRequestHandler> handlers = List.of();

    /**
     * Builds the internals of a tree.
     *
     * @param tree          the tree
     * @param capabilities  the commands {@code getCapabilities} lists
     * @param threads       the server's threads
     * @param runner        the server's node queries
     * @param subscriptions the server's subscribers
     * @param send          sends one event to one subscriber
     */
    public ServedTree(
            NodeTree tree,
            List<String> capabilities,
            ServerThreads threads,
            QueryRunner runner,
            Subscriptions subscriptions,
            BiConsumer<Jid, NodeEvent> send) {
        this.tree = tree;
        this.queries = new NodeQueries(tree, capabilities);
        this.editing = new NodeEditing(tree, threads.work());
        this.commands = new NodeCommands(tree, threads.work(), runner);
        this.events = new TreeEvents(tree, subscriptions, threads::events, send);
        this.subscriptions = subscriptions;
        this.runner = runner;
    }

    /** @return the tree */
    public NodeTree tree() {
        return tree;
    }

    /** @return the read-only requests */
    public NodeQueries queries() {
        return queries;
    }

    /** @return the editing requests */
    public NodeEditing editing() {
        return editing;
    }

    /** @return the node commands and queries */
    public NodeCommands commands() {
        return commands;
    }

    /**
     * Starts serving: listens to the tree, registers the handlers and advertises the feature.
     *
     * @param c        the connection
     * @param handlers the request handlers
     * @param feature  the disco feature
     */
    public synchronized void start(XMPPConnection c, List<? extends IQRequestHandler> handlers, String feature) {
        tree.addListener(events);
        this.handlers = List.copyOf(handlers);
        this.handlers.forEach(c::registerIQRequestHandler);
        ServiceDiscoveryManager.getInstanceFor(c).addFeature(feature);
    }

    /**
     * Stops serving: the opposite of {@link #start}; drops every subscription and aborts every query.
     *
     * @param c       the connection, null if it is gone
     * @param feature the disco feature
     */
    public synchronized void stop(XMPPConnection c, String feature) {
        tree.removeListener(events);
        if (c != null) {
            handlers.forEach(c::unregisterIQRequestHandler);
            ServiceDiscoveryManager.getInstanceFor(c).removeFeature(feature);
        }
        handlers = List.of();
        subscriptions.snapshot().keySet().forEach(subscriptions::drop);
        runner.abortAll(null);
    }
}
