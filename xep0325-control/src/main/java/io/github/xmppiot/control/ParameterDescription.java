package io.github.xmppiot.control;

import io.github.xmppiot.core.value.Value;
import io.github.xmppiot.core.value.ValueType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A control parameter as a Thing's control form describes it (XEP-0325 §3.3 "Getting a control form"): the type comes
 * from the field's XEP-0122 datatype ({@code xs:boolean, xs:int, xs:long, xs:double, xs:date, xs:time, xs:dateTime,
 * xs:duration, xs:string}, XEP-0331 {@code xdc:Color}/{@code xdc:ColorAlpha}); a boolean field without validation is a
 * boolean, any other unknown or missing datatype is a string (XEP-0122 §3.1).
 *
 * @param name        the parameter name (field {@code var})
 * @param type        the value type to send in a typed {@code set}
 * @param label       the field label, or the name if there is none
 * @param description the field description, may be null
 * @param min         the XEP-0122 range minimum, may be null
 * @param max         the XEP-0122 range maximum, may be null
 * @param options     the allowed values of a list field; empty if free
 * @param group       the XEP-0325 {@code parameterGroup} (§5.4), may be null
 * @param page        the label of the XEP-0141 page laying the field out, may be null
 * @param current     the value shown in the form, may be null
 * @param notSame     whether the field carries the XEP-0336 {@code notSame} flag
 * @since 0.1.0
 */
public record ParameterDescription(
        String name,
        ValueType type,
        String label,
        String description,
        Value min,
        Value max,
        List<String> options,
        String group,
        String page,
        Value current,
        boolean notSame) {

    /**
     * Validates and copies.
     */
    public ParameterDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
        options = List.copyOf(options);
    }

    /** @return the description, if any */
    public Optional<String> descriptionText() {
        return Optional.ofNullable(description);
    }

    /** @return the current value, if the form showed one of the parameter's type */
    public Optional<Value> currentValue() {
        return Optional.ofNullable(current);
    }

    /** @return the parameter group, if any */
    public Optional<String> parameterGroup() {
        return Optional.ofNullable(group);
    }

    /** @return the XEP-0141 page label, if any */
    public Optional<String> pageLabel() {
        return Optional.ofNullable(page);
    }
}
