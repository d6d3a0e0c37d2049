package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.meta.MetaTag;
import java.util.List;
import org.jxmpp.jid.Jid;

/**
 * Events a Thing receives from its registry (XEP-0347 §3.9 {@code claimed}, §3.10 {@code removed}, §3.17
 * {@code disowned}). Called on a Smack worker thread (or the manager's executor) after the registry's request was
 * acknowledged; return quickly.
 *
 * @since 0.1.0
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
    default void claimed(Jid owner, NodeRef node, boolean isPublic) {}

    /**
     * The owner removed the Thing from the registry; it should unfriend the registry and stop updating.
     *
     * @param node the node behind a concentrator, or null
     */
    default void removed(NodeRef node) {}

    /**
     * The owner disowned the Thing; it should unfriend the owner and register again. With follow-up actions on (the
     * default, {@link ThingDiscoveryManagerSettings#followUps()}) the manager does both; {@link #registeredAgain} follows.
     *
     * @param node the node behind a concentrator, or null
     */
    default void disowned(NodeRef node) {}

    /**
     * After {@code disowned}, the manager registered the Thing again with a new {@code KEY} (XEP-0347 §3.17); show the
     * new claim string (e.g. {@link ThingDiscoveryManager#printClaim}) to let a new owner claim it.
     *
     * @param node the node behind a concentrator, or null
     * @param tags the registered tags, with the new {@code KEY}
     */
    default void registeredAgain(NodeRef node, List<MetaTag> tags) {}
}
