package io.github.xmppiot.concentrator.element;

import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A node parameter as reported in NodeInformation when {@code parameters='true'} (XEP-0326 §3.8, "Node parameters"):
 * an element named after its type with {@code id}, {@code name} and {@code value}.
 *
 * @param id    the parameter id (the form field {@code var} used when editing)
 * @param name  the human-readable name
 * @param value the typed value
 * @since 0.1.0
 */
public record NodeParameter(String id, String name, Value value) {

    /** Value types a node parameter may have (XSD {@code NodeInformation} choice). */
    public static final Set<ValueType> TYPES = EnumSet.of(
            ValueType.BOOLEAN,
            ValueType.COLOR,
            ValueType.DATE_TIME,
            ValueType.DOUBLE,
            ValueType.DURATION,
            ValueType.INT,
            ValueType.LONG,
            ValueType.STRING,
            ValueType.TIME);

    /**
     * Validates the parameter.
     *
     * @throws IllegalArgumentException if a part is missing or the type is not a node-parameter type
     */
    public NodeParameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!TYPES.contains(value.type())) {
            throw new IllegalArgumentException(value.type().elementName() + " is not a node parameter type");
        }
    }

    /** @return the value type, which names the XML element */
    public ValueType type() {
        return value.type();
    }
}
