package io.github.xmppiot.core.thing;

import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A control parameter of a Thing (XEP-0325 §3.2): a named, typed value a controller may set. Its declaration (type,
 * range, options, group, page) yields the XEP-0325 control form with XEP-0122 validation and XEP-0141 layout, and the
 * validation applied before anything is changed. Its current value is also readable as an XEP-0323 field with
 * {@code writable='true'}.
 *
 * @since 0.1.0
 */
public final class ControlParameter {

    /** Longest string value accepted unless the builder sets another limit. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 1024;

    private final String name;
    private final ValueType type;
    private final String label;
    private final String description;
    private final Value min;
    private final Value max;
    private final List<String> options;
    private final int maxLength;
    private final String group;
    private final String page;
    private final Supplier<? extends Value> current;
    private final Function<Value, ? extends CompletionStage<Void>> action;
    private final BooleanSupplier locked;

    private ControlParameter(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.label = b.label != null ? b.label : b.name;
        this.description = b.description;
        this.min = b.min;
        this.max = b.max;
        this.options = List.copyOf(b.options);
        this.maxLength = b.maxLength;
        this.group = b.group;
        this.page = b.page;
        this.current = b.current;
        this.action = Objects.requireNonNull(b.action, "an action (onSet) is required for parameter " + b.name);
        this.locked = b.locked;
    }

    /**
     * Starts declaring a parameter.
     *
     * @param name the unlocalised parameter name (the form field {@code var})
     * @param type the value type; {@code numeric} and {@code enum} are not control types
     * @return a builder
     */
    public static Builder builder(String name, ValueType type) {
        return new Builder(name, type);
    }

    /** @return the parameter name */
    public String name() {
        return name;
    }

    /** @return the value type */
    public ValueType type() {
        return type;
    }

    /** @return the human-readable label (the name if none was set) */
    public String label() {
        return label;
    }

    /** @return the description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the inclusive lower bound, if any */
    public Optional<Value> min() {
        return Optional.ofNullable(min);
    }

    /** @return the inclusive upper bound, if any */
    public Optional<Value> max() {
        return Optional.ofNullable(max);
    }

    /** @return the allowed string values; empty if any value is allowed */
    public List<String> options() {
        return options;
    }

    /** @return the longest accepted string value */
    public int maxLength() {
        return maxLength;
    }

    /** @return the XEP-0325 {@code parameterGroup} of parameters written together, if any */
    public Optional<String> group() {
        return Optional.ofNullable(group);
    }

    /** @return the XEP-0141 page label this parameter is laid out on, if any */
    public Optional<String> page() {
        return Optional.ofNullable(page);
    }

    /**
     * The current value, if the device knows it.
     *
     * @return the current value
     */
    public Optional<Value> currentValue() {
        return current == null ? Optional.empty() : Optional.ofNullable(current.get());
    }

    /**
     * Whether the parameter is locked by another user or process (answered with {@code wait/conflict}).
     *
     * @return true if locked now
     */
    public boolean isLocked() {
        return locked.getAsBoolean();
    }

    /**
     * Checks a value against the declaration without changing anything (XEP-0325 §3.6: validation before action).
     *
     * @param value the value
     * @return an error message for a {@code paramError}, empty if valid
     */
    public Optional<String> validate(Value value) {
        if (value == null) {
            return Optional.of("missing value");
        }
        if (value.type() != type) {
            return Optional.of("expected a " + type.elementName() + " value, got "
                    + value.type().elementName());
        }
        return ParameterValidation.check(this, value);
    }

    /**
     * Applies a value that passed {@link #validate}.
     *
     * @param value the value
     * @return completes when the device has applied it
     */
    public CompletionStage<Void> apply(Value value) {
        return action.apply(value);
    }

    /** Builder of {@link ControlParameter}. */
    public static final class Builder {
        private final String name;
        private final ValueType type;
        private String label;
        private String description;
        private Value min;
        private Value max;
        private List<String> options = List.of();
        private int maxLength = DEFAULT_MAX_STRING_LENGTH;
        private String group;
        private String page;
        private Supplier<? extends Value> current;
        private Function<Value, ? extends CompletionStage<Void>> action;
        private BooleanSupplier locked = () -> false;

        private Builder(String name, ValueType type) {
            Values.xmlText(Objects.requireNonNull(name, "name"), "parameter name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("parameter name must not be blank");
            }
            if (!Objects.requireNonNull(type, "type").isControlType()) {
                throw new IllegalArgumentException(type.elementName() + " is not a XEP-0325 control type");
            }
            this.name = name;
            this.type = type;
        }

        /**
         * Sets the form label.
         *
         * @param label the label
         * @return this builder
         */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /**
         * Sets the form description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets an inclusive range; both bounds must have the parameter's type (int, long, double, date, time,
         * dateTime).
         *
         * @param min lower bound, may be null
         * @param max upper bound, may be null
         * @return this builder
         */
        public Builder range(Value min, Value max) {
            for (Value v : new Value[] {min, max}) {
                if (v != null && v.type() != type) {
                    throw new IllegalArgumentException(
                            "range bound " + v.lexical() + " is not a " + type.elementName());
                }
            }
            this.min = min;
            this.max = max;
            return this;
        }

        /**
         * Restricts a string parameter to these values (shown as a list in the form).
         *
         * @param options the allowed values
         * @return this builder
         */
        public Builder options(String... options) {
            if (type != ValueType.STRING) {
                throw new IllegalArgumentException("options apply to string parameters only");
            }
            this.options = List.of(options);
            return this;
        }

        /**
         * Sets the longest accepted string value.
         *
         * @param maxLength characters
         * @return this builder
         */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /**
         * Puts the parameter in a {@code parameterGroup} of parameters written together (XEP-0325 §3.4).
         *
         * @param group the group name
         * @return this builder
         */
        public Builder group(String group) {
            this.group = group;
            return this;
        }

        /**
         * Lays the parameter out on an XEP-0141 page with this label.
         *
         * @param page the page label
         * @return this builder
         */
        public Builder page(String page) {
            this.page = page;
            return this;
        }

        /**
         * Sets how to read the current value.
         *
         * @param current returns the current value, or null if unknown
         * @return this builder
         */
        public Builder current(Supplier<? extends Value> current) {
            this.current = current;
            return this;
        }

        /**
         * Sets the asynchronous action applying a value.
         *
         * @param action applies the value
         * @return this builder
         */
        public Builder onSetAsync(Function<Value, ? extends CompletionStage<Void>> action) {
            this.action = action;
            return this;
        }

        /**
         * Sets a quick, non-blocking action applying a value.
         *
         * @param action applies the value; an exception fails the request
         * @return this builder
         */
        public Builder onSet(Consumer<Value> action) {
            this.action = v -> {
                try {
                    action.accept(v);
                    return CompletableFuture.completedFuture(null);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            };
            return this;
        }

        /**
         * Sets when the parameter is locked.
         *
         * @param locked true while locked
         * @return this builder
         */
        public Builder lockedWhen(BooleanSupplier locked) {
            this.locked = Objects.requireNonNull(locked, "locked");
            return this;
        }

        /**
         * Builds the parameter.
         *
         * @return the parameter
         */
        public ControlParameter build() {
            return new ControlParameter(this);
        }
    }
}
