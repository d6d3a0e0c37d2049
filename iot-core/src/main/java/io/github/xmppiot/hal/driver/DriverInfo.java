package io.github.xmppiot.hal.driver;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Description of a driver type and its configuration parameters.
 *
 * @param type        the stable type id, for example {@code bme280}
 * @param description a human-readable description of the device
 * @param parameters  the configuration parameters, in form order
 * @since 0.1.0
 */
public record DriverInfo(String type, String description, List<ParameterSpec> parameters) {

    /**
     * Validates and copies the declaration.
     *
     * @throws IllegalArgumentException if two parameters share a name
     */
    public DriverInfo {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        if (parameters.stream().map(ParameterSpec::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("duplicate parameter names in " + type);
        }
    }

    /**
     * Looks up a parameter by name.
     *
     * @param name the parameter name
     * @return the declaration, or empty
     */
    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Turns textual values (from a form or a properties file) into typed values, applying defaults.
     *
     * @param values textual values by parameter name
     * @return typed values for every parameter, in declaration order
     * @throws IllegalArgumentException if a value is malformed or not allowed, a required value is missing, or an
     *                                  unknown parameter is given
     */
    public Map<String, Object> resolve(Map<String, String> values) {
        Map<String, String> remaining = new HashMap<>(values);
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParameterSpec p : parameters) {
            String text = remaining.remove(p.name());
            if (text != null) {
                out.put(p.name(), p.parse(text));
            } else {
                out.put(
                        p.name(),
                        p.defaultValue()
                                .orElseThrow(() -> new IllegalArgumentException(
                                        type + ": parameter " + p.name() + " is required")));
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException(type + ": unknown parameters " + remaining.keySet());
        }
        return out;
    }
}
