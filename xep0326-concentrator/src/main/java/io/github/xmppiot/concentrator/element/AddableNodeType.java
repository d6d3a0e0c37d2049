package io.github.xmppiot.concentrator.element;

import java.util.Objects;

/**
 * A node type that may be created under a parent, element {@code nodeType} of {@code getAddableNodeTypesResponse}
 * (XEP-0326 §3.11 "Get Addable Node Types").
 *
 * @param type the machine-readable type, passed back in {@code getParametersForNewNode} and {@code createNewNode}
 * @param name the human-readable name
 * @since 0.1.0
 */
public record AddableNodeType(String type, String name) {

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a part is missing
     */
    public AddableNodeType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
