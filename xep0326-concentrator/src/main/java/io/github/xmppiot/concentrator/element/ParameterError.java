package io.github.xmppiot.concentrator.element;

import java.util.Objects;

/**
 * A per-field error of a submitted form, element {@code error var='…'} in a {@code FormError} response
 * (XEP-0326 §3.9 "Node Parameters", §3.11 "Creating Nodes", XSD type {@code ParameterError}).
 *
 * @param var     the form field the error concerns
 * @param message the human-readable error
 * @since 0.1.0
 */
public record ParameterError(String var, String message) {

    /**
     * Validates the error.
     *
     * @throws NullPointerException if a part is missing
     */
    public ParameterError {
        Objects.requireNonNull(var, "var");
        Objects.requireNonNull(message, "message");
    }
}
