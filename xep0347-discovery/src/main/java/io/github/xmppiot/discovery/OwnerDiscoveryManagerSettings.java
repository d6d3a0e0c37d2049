package io.github.xmppiot.discovery;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.Objects;
import org.jxmpp.jid.Jid;

/**
 * The settings of an {@link OwnerDiscoveryManager} (XEP-0347, owner and searcher side). Immutable; change them with
 * {@link OwnerDiscoveryManager#configure} or {@link OwnerDiscoveryManager#update}, which swap them atomically; a
 * request uses the settings in force when it is sent.
 *
 * @param registry  the Thing Registry: a component address or a registry account JID (XEP-0347 §3.5); null (the
 *                  default) searches the server's components for {@code urn:xmpp:iot:discovery}
 * @param executors the threads for roster and service discovery calls; default {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record OwnerDiscoveryManagerSettings(Jid registry, IotExecutors executors) {

    /** The defaults: registry found by service discovery, shared threads. */
    public static final OwnerDiscoveryManagerSettings DEFAULTS =
            new OwnerDiscoveryManagerSettings(null, IotExecutors.shared());

    /**
     * Validates the settings.
     *
     * @throws NullPointerException if {@code executors} is null
     */
    public OwnerDiscoveryManagerSettings {
        Objects.requireNonNull(executors, "executors: give IotExecutors.shared() or IotExecutors.builder()...build()");
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
     * Builder of {@link OwnerDiscoveryManagerSettings}.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Jid registry;
        private IotExecutors executors;

        private Builder(OwnerDiscoveryManagerSettings s) {
            registry = s.registry;
            executors = s.executors;
        }

        /**
         * Sets {@link OwnerDiscoveryManagerSettings#registry()}.
         *
         * @param registry a component address or registry account JID, or null to search the server's components
         * @return this builder
         */
        public Builder registry(Jid registry) {
            this.registry = registry;
            return this;
        }

        /**
         * Sets {@link OwnerDiscoveryManagerSettings#executors()}.
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
         * @throws NullPointerException if {@code executors} is null
         */
        public OwnerDiscoveryManagerSettings build() {
            return new OwnerDiscoveryManagerSettings(registry, executors);
        }
    }
}
