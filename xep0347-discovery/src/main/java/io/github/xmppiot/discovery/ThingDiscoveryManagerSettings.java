package io.github.xmppiot.discovery;

import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.concurrent.IotExecutors;
import io.github.xmppiot.core.meta.MetaTag;
import io.github.xmppiot.core.meta.MetaTags;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * The settings of a {@link ThingDiscoveryManager} (XEP-0347, Thing side). Immutable; change them with {@link
 * ThingDiscoveryManager#configure} or {@link ThingDiscoveryManager#update}, which swap them atomically; a request uses
 * the settings in force when it is sent.
 *
 * @param registry   the Thing Registry: a component address or a registry account JID (XEP-0347 §3.5); null (the
 *                   default) searches the server's components for {@code urn:xmpp:iot:discovery}
 * @param followUps  whether the manager performs the follow-up actions after {@code claimed}, {@code removed} and
 *                   {@code disowned} and handles the registry friendship (XEP-0347 §3.9, §3.10, §3.17, §5.3); default
 *                   true. Off, it only acknowledges the registry's requests and raises the events
 * @param keys       where the new {@code KEY} comes from when registering again after {@code disowned} (XEP-0347
 *                   §3.17); default {@link KeySupplier#random()}
 * @param publicTags the tags published (with an {@code update}) once a node is claimed as public, e.g. location tags
 *                   (XEP-0347 §3.13), by node ({@code null} key: the Thing itself); default none. The {@code KEY} tag
 *                   is cleared in any case
 * @param executors  the threads for roster and service discovery calls and retries; default {@link
 *                   IotExecutors#shared()}
 * @since 0.1.0
 */
public record ThingDiscoveryManagerSettings(
        Jid registry,
        boolean followUps,
        KeySupplier keys,
        Map<NodeRef, List<MetaTag>> publicTags,
        IotExecutors executors) {

    /** The defaults: registry found by service discovery, follow-ups on, random keys, no public tags, shared threads. */
    public static final ThingDiscoveryManagerSettings DEFAULTS =
            new ThingDiscoveryManagerSettings(null, true, KeySupplier.random(), Map.of(), IotExecutors.shared());

    /**
     * Validates the settings and copies the public tags.
     *
     * @throws NullPointerException     if {@code keys}, {@code publicTags} or {@code executors} is null
     * @throws IllegalArgumentException if the public tags of a node repeat a tag name
     */
    public ThingDiscoveryManagerSettings {
        Objects.requireNonNull(keys, "keys: give KeySupplier.random() or a supplier of your own");
        Objects.requireNonNull(publicTags, "publicTags: give Map.of() for none");
        Objects.requireNonNull(executors, "executors: give IotExecutors.shared() or IotExecutors.builder()...build()");
        Map<NodeRef, List<MetaTag>> copy = new HashMap<>();
        publicTags.forEach((node, tags) -> copy.put(node, MetaTags.checkUnique(List.copyOf(tags))));
        publicTags = Collections.unmodifiableMap(copy);
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /**
     * A builder starting from these settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The public tags of one node.
     *
     * @param node the node behind a concentrator, or null for the Thing itself
     * @return the tags, empty if none
     */
    public List<MetaTag> publicTags(NodeRef node) {
        return publicTags.getOrDefault(node, List.of());
    }

    /**
     * Builder of {@link ThingDiscoveryManagerSettings}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Jid registry;
        private boolean followUps;
        private KeySupplier keys;
        private final Map<NodeRef, List<MetaTag>> publicTags;
        private IotExecutors executors;

        private Builder(ThingDiscoveryManagerSettings s) {
            registry = s.registry;
            followUps = s.followUps;
            keys = s.keys;
            publicTags = new HashMap<>(s.publicTags);
            executors = s.executors;
        }

        /**
         * Sets {@link ThingDiscoveryManagerSettings#registry()}.
         *
         * @param registry a component address or registry account JID, or null to search the server's components
         * @return this builder
         */
        public Builder registry(Jid registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Sets {@link ThingDiscoveryManagerSettings#followUps()}.
         *
         * @param on true to perform the follow-up actions
         * @return this builder
         */
        public Builder followUps(boolean on) {
            this.followUps = on;
            return this;
        }

        /**
         * Sets {@link ThingDiscoveryManagerSettings#keys()}.
         *
         * @param keys the supplier of new keys
         * @return this builder
         */
        public Builder keys(KeySupplier keys) {
            this.keys = keys;
            return this;
        }

        /**
         * Sets the public tags of one node ({@link ThingDiscoveryManagerSettings#publicTags()}); an empty list removes
         * them.
         *
         * @param node the node behind a concentrator, or null for the Thing itself
         * @param tags the tags published once the node is claimed as public
         * @return this builder
         */
        public Builder publicTags(NodeRef node, List<? extends MetaTag> tags) {
            if (tags.isEmpty()) {
                publicTags.remove(node);
            } else {
                publicTags.put(node, List.copyOf(tags));
            }
            return this;
        }

        /**
         * Sets {@link ThingDiscoveryManagerSettings#executors()}.
         *
         * @param executors the threads to run on
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws NullPointerException     if a required component is null
         * @throws IllegalArgumentException if public tags repeat a tag name
         */
        public ThingDiscoveryManagerSettings build() {
            return new ThingDiscoveryManagerSettings(registry, followUps, keys, publicTags, executors);
        }
    }
}
