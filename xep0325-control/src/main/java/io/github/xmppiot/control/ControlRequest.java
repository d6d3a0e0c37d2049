package io.github.xmppiot.control;

import io.github.xmppiot.control.element.ControlSet;
import io.github.xmppiot.core.NodeRef;
import io.github.xmppiot.core.Tokens;
import io.github.xmppiot.core.value.BooleanValue;
import io.github.xmppiot.core.value.DoubleValue;
import io.github.xmppiot.core.value.IntValue;
import io.github.xmppiot.core.value.LongValue;
import io.github.xmppiot.core.value.StringValue;
import io.github.xmppiot.core.value.Value;
import java.util.Objects;

/**
 * A control request with one or more parameters, optionally addressed to nodes behind the Thing's JID (XEP-0325 §3.2
 * "Setting multiple control parameters at once", §3.4 "Controlling devices behind a concentrator"). Parameters are
 * applied by the Thing in the order they are added, so add them in the order the Thing's control form lists them.
 *
 * @since 0.1.0
 */
public final class ControlRequest {

    private final ControlSet set;

    private ControlRequest(ControlSet set) {
        this.set = set;
    }

    /**
     * Starts building a request.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code set} element this request sends */
    public ControlSet toElement() {
        return set;
    }

    /** Builder of {@link ControlRequest}. */
    public static final class Builder {
        private final ControlSet.Builder set = ControlSet.builder();
        private boolean empty = true;

        private Builder() {}

        /**
         * Addresses a node behind the Thing's JID; with several nodes the Thing validates every parameter against every
         * node before doing anything (§3.4).
         *
         * @param node the node
         * @return this builder
         */
        public Builder node(NodeRef node) {
            set.node(node);
            return this;
        }

        /**
         * Addresses a node by id.
         *
         * @param nodeId the node id
         * @return this builder
         */
        public Builder node(String nodeId) {
            return node(NodeRef.of(nodeId));
        }

        /**
         * Adds provisioning tokens (XEP-0325 §5.6).
         *
         * @param tokens the tokens
         * @return this builder
         */
        public Builder tokens(Tokens tokens) {
            set.tokens(tokens);
            return this;
        }

        /**
         * Adds a parameter of any control type ({@code color}, {@code date}, {@code dateTime}, {@code duration},
         * {@code time}, ...).
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, Value value) {
            set.parameter(name, Objects.requireNonNull(value, "value"));
            empty = false;
            return this;
        }

        /**
         * Adds a {@code boolean} parameter.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, boolean value) {
            return set(name, BooleanValue.of(value));
        }

        /**
         * Adds an {@code int} parameter.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, int value) {
            return set(name, new IntValue(value));
        }

        /**
         * Adds a {@code long} parameter.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, long value) {
            return set(name, new LongValue(value));
        }

        /**
         * Adds a {@code double} parameter.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, double value) {
            return set(name, new DoubleValue(value));
        }

        /**
         * Adds a {@code string} parameter.
         *
         * @param name  the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            return set(name, StringValue.of(value));
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalStateException if no parameter was added
         */
        public ControlRequest build() {
            if (empty) {
                throw new IllegalStateException("a control request needs at least one parameter");
            }
            return new ControlRequest(set.build());
        }
    }
}
