package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import org.jxmpp.jid.Jid;

/**
 * Events a Thing receives from its registry (XEP-0347 §3.9 {@code claimed}, §3.10 {@code removed}, §3.17
 * {@code disowned}). Called on a Smack worker thread after the registry's request was acknowledged; return quickly.
 */
public interface ThingDiscoveryListener {

    /**
     * The Thing (or one of its nodes) was claimed; called after the Thing cleared its {@code KEY} tag and published its
     * public tags in the registry (or tried to).
     *
     * @param owner    the owner
     * @param node     the node behind a concentrator, or null
     * @param isPublic whether the owner made it public
     */
    default void claimed(Jid owner, NodeRef node, boolean isPublic) {
    }

    /**
     * The owner removed the Thing from the registry; it should unfriend the registry and stop updating.
     *
     * @param node the node behind a concentrator, or null
     */
    default void removed(NodeRef node) {
    }

    /**
     * The owner disowned the Thing; it should unfriend the owner and register again.
     *
     * @param node the node behind a concentrator, or null
     */
    default void disowned(NodeRef node) {
    }
}
