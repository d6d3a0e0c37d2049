package io.github.xmppiot.provisioning.server;

import io.github.xmppiot.core.concurrent.IotExecutors;
import java.util.Objects;

/**
 * The immutable settings of a {@link ProvisioningServer} (XEP-0324 §5.1): the operator's {@link ServerOptions} (owners,
 * trusted registries and every bound) and the {@link IotExecutors} the server runs its database work and its
 * {@code clearCache} pushes on. Build with {@link #builder()}, change with {@link #toBuilder()}, swap on a running
 * server with {@link ProvisioningServer#configure} or {@link ProvisioningServer#update}.
 *
 * @param options   owners, trusted registries and bounds; default {@link ServerOptions#defaults()}
 * @param executors the threads the server works on; default {@link IotExecutors#shared()}
 * @since 0.1.0
 */
public record ProvisioningServerSettings(ServerOptions options, IotExecutors executors) {

    /** The defaults: {@link ServerOptions#defaults()} on {@link IotExecutors#shared()}. */
    public static final ProvisioningServerSettings DEFAULTS =
            new ProvisioningServerSettings(ServerOptions.defaults(), IotExecutors.shared());

    /**
     * Validates.
     *
     * @throws NullPointerException naming the missing component
     */
    public ProvisioningServerSettings {
        Objects.requireNonNull(options, "options: pass ServerOptions.defaults() for the defaults");
        Objects.requireNonNull(executors, "executors: pass IotExecutors.shared() for the shared threads");
    }

    /** @return a builder starting from {@link #DEFAULTS} */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** @return a builder starting from these settings */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ProvisioningServerSettings}. */
    public static final class Builder {
        private ServerOptions options;
        private IotExecutors executors;

        private Builder(ProvisioningServerSettings from) {
            this.options = from.options;
            this.executors = from.executors;
        }

        /**
         * @param options owners, trusted registries and bounds
         * @return this builder
         */
        public Builder options(ServerOptions options) {
            this.options = options;
            return this;
        }

        /**
         * @param executors the threads the server works on
         * @return this builder
         */
        public Builder executors(IotExecutors executors) {
            this.executors = executors;
            return this;
        }

        /** @return the settings */
        public ProvisioningServerSettings build() {
            return new ProvisioningServerSettings(options, executors);
        }
    }
}
