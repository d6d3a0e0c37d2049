package io.github.xmppiot.concentrator;

import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import io.github.xmppiot.core.value.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The declaration of one configuration parameter of a node type: its id, label, type and constraints. Declared once,
 * it yields the XEP-0004 form field (with XEP-0122 validation and XEP-0336 {@code xdd:readOnly}) of
 * {@code getParametersForNewNode} and {@code getNodeParametersForEdit}, the validation of submitted forms
 * ({@code FormError} with {@code error var}), the node parameter reported in NodeInformation, and the persisted
 * configuration (XEP-0326 §3.9 "Node Parameters", §3.11 "Creating Nodes").
 *
 * @param id           the parameter id, the form field {@code var}
 * @param label        the form label
 * @param type         the value type (a XEP-0326 node-parameter type)
 * @param required     whether a value must be given
 * @param defaultValue the value proposed in a new-node form, may be null
 * @param min          inclusive lower bound for numeric types, may be null
 * @param max          inclusive upper bound for numeric types, may be null
 * @param options      allowed values of a string parameter; empty for any value
 * @param readOnly     whether clients may not change it after creation ({@code xdd:readOnly})
 * @param description  the form field description, may be null
 * @since 0.1.0
 */
public record NodeParameterSpec(
        String id,
        String label,
        ValueType type,
        boolean required,
        Value defaultValue,
        Value min,
        Value max,
        List<String> options,
        boolean readOnly,
        String description) {

    /**
     * Validates the declaration.
     *
     * @throws IllegalArgumentException if a bound or default has another type than the parameter
     */
    public NodeParameterSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        label = label == null ? id : label;
        options = List.copyOf(options);
        for (Value v : new Value[] {defaultValue, min, max}) {
            if (v != null && v.type() != type) {
                throw new IllegalArgumentException(
                        "value " + v.lexical() + " of parameter " + id + " is not a " + type.elementName());
            }
        }
    }

    /**
     * A required parameter without constraints.
     *
     * @param id    the id
     * @param label the label
     * @param type  the type
     * @return the declaration
     */
    public static NodeParameterSpec required(String id, String label, ValueType type) {
        return new NodeParameterSpec(id, label, type, true, null, null, null, List.of(), false, null);
    }

    /**
     * This declaration with a default value.
     *
     * @param value the default
     * @return a copy
     */
    public NodeParameterSpec withDefault(Value value) {
        return new NodeParameterSpec(id, label, type, required, value, min, max, options, readOnly, description);
    }

    /**
     * This declaration with an inclusive range.
     *
     * @param lower lower bound, may be null
     * @param upper upper bound, may be null
     * @return a copy
     */
    public NodeParameterSpec withRange(Value lower, Value upper) {
        return new NodeParameterSpec(
                id, label, type, required, defaultValue, lower, upper, options, readOnly, description);
    }

    /**
     * This declaration restricted to some string values.
     *
     * @param allowed the allowed values
     * @return a copy
     */
    public NodeParameterSpec withOptions(List<String> allowed) {
        return new NodeParameterSpec(id, label, type, required, defaultValue, min, max, allowed, readOnly, description);
    }

    /**
     * This declaration, read-only after creation.
     *
     * @return a copy
     */
    public NodeParameterSpec asReadOnly() {
        return new NodeParameterSpec(id, label, type, required, defaultValue, min, max, options, true, description);
    }

    /**
     * This declaration with a description.
     *
     * @param text the description
     * @return a copy
     */
    public NodeParameterSpec withDescription(String text) {
        return new NodeParameterSpec(id, label, type, required, defaultValue, min, max, options, readOnly, text);
    }

    /**
     * Parses and checks a submitted lexical value.
     *
     * @param lexical the value as submitted, may be null or empty when not given
     * @return the value (empty when not given and not required), or the error message for {@code error var}
     */
    public Result check(String lexical) {
        if (lexical == null || lexical.isBlank()) {
            return required ? Result.error("A value is required.") : Result.ok(null);
        }
        Value v;
        try {
            v = Values.parse(type, lexical.strip());
        } catch (IllegalArgumentException e) {
            return Result.error("Not a valid " + type.elementName() + " value.");
        }
        if (min != null && compare(v, min) < 0) {
            return Result.error("Must be at least " + min.lexical() + ".");
        }
        if (max != null && compare(v, max) > 0) {
            return Result.error("Must be at most " + max.lexical() + ".");
        }
        if (!options.isEmpty() && !options.contains(v.lexical())) {
            return Result.error("Must be one of " + String.join(", ", options) + ".");
        }
        return Result.ok(v);
    }

    private static int compare(Value a, Value b) {
        if (a instanceof io.github.xmppiot.core.value.IntValue x
                && b instanceof io.github.xmppiot.core.value.IntValue y) {
            return Integer.compare(x.value(), y.value());
        }
        if (a instanceof io.github.xmppiot.core.value.LongValue x
                && b instanceof io.github.xmppiot.core.value.LongValue y) {
            return Long.compare(x.value(), y.value());
        }
        if (a instanceof io.github.xmppiot.core.value.DoubleValue x
                && b instanceof io.github.xmppiot.core.value.DoubleValue y) {
            return Double.compare(x.value(), y.value());
        }
        return 0;
    }

    /**
     * The outcome of {@link #check}.
     *
     * @param value the parsed value, null when none was given
     * @param error the error message, null when valid
     */
    public record Result(Value value, String error) {
        static Result ok(Value v) {
            return new Result(v, null);
        }

        static Result error(String e) {
            return new Result(null, e);
        }

        /** @return the error, empty when valid */
        public Optional<String> errorMessage() {
            return Optional.ofNullable(error);
        }
    }
}
