package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.NodeRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Things behind one JID, addressed by node triple (CHECKLIST X-2). A plain device holds one Thing; a hub
 * (XEP-0326 concentrator) holds many and adds or removes them at run time. Thread-safe; listeners hear about
 * additions and removals.
 *
 * @since 0.1.0
 */
public final class ThingDirectory {

    private final Map<NodeRef, Thing> things = new LinkedHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /**
     * A directory holding the given Things.
     *
     * @param things the Things
     * @return the directory
     */
    public static ThingDirectory of(Thing... things) {
        ThingDirectory d = new ThingDirectory();
        for (Thing t : things) {
            d.add(t);
        }
        return d;
    }

    /**
     * Adds a Thing.
     *
     * @param thing the Thing
     * @throws IllegalArgumentException if a Thing with the same node triple exists
     */
    public void add(Thing thing) {
        synchronized (things) {
            if (things.putIfAbsent(thing.node(), thing) != null) {
                throw new IllegalArgumentException("a thing already exists at node " + thing.node());
            }
        }
        fire(new Change(thing, true));
    }

    /**
     * Removes the Thing at exactly this node triple.
     *
     * @param node the node triple
     * @return the removed Thing, empty if none was there
     */
    public Optional<Thing> remove(NodeRef node) {
        Thing removed;
        synchronized (things) {
            removed = things.remove(node);
        }
        if (removed != null) {
            fire(new Change(removed, false));
        }
        return Optional.ofNullable(removed);
    }

    /**
     * The Thing at exactly this node triple.
     *
     * @param node the node triple
     * @return the Thing, if any
     */
    public Optional<Thing> get(NodeRef node) {
        synchronized (things) {
            return Optional.ofNullable(things.get(node));
        }
    }

    /** @return a snapshot of all Things, in insertion order */
    public List<Thing> all() {
        synchronized (things) {
            return List.copyOf(things.values());
        }
    }

    /** @return the number of Things */
    public int size() {
        synchronized (things) {
            return things.size();
        }
    }

    /**
     * Resolves node references from a request: no references means every Thing; a reference with only a nodeId
     * selects every Thing with that id (CHECKLIST X-2).
     *
     * @param requested the references in the request
     * @return the selected Things and the references that matched nothing
     */
    public Selection select(Collection<NodeRef> requested) {
        List<Thing> snapshot = all();
        if (requested.isEmpty()) {
            return new Selection(snapshot, List.of());
        }
        List<Thing> selected = new ArrayList<>();
        List<NodeRef> unknown = new ArrayList<>();
        for (NodeRef ref : requested) {
            boolean found = false;
            for (Thing t : snapshot) {
                if (ref.matches(t.node())) {
                    found = true;
                    if (!selected.contains(t)) {
                        selected.add(t);
                    }
                }
            }
            if (!found) {
                unknown.add(ref);
            }
        }
        return new Selection(selected, unknown);
    }

    /**
     * Registers a listener for additions and removals.
     *
     * @param listener called after each change, on the thread that made it
     */
    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    private void fire(Change change) {
        for (Consumer<Change> l : listeners) {
            l.accept(change);
        }
    }

    /**
     * The Things a request selected.
     *
     * @param things  the selected Things, in request order
     * @param unknown requested references that matched no Thing
     */
    public record Selection(List<Thing> things, List<NodeRef> unknown) {
        /**
         * Copies the lists.
         */
        public Selection {
            things = List.copyOf(things);
            unknown = List.copyOf(unknown);
        }
    }

    /**
     * An addition or removal.
     *
     * @param thing the Thing
     * @param added true if added, false if removed
     */
    public record Change(Thing thing, boolean added) {}
}
