package io.github.xmppiot.concentrator.hub;

import io.github.xmppiot.concentrator.hub.internal.AtomicFiles;
import io.github.xmppiot.concentrator.hub.internal.Json;
import io.github.xmppiot.hal.HalConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configuration of a {@link Hub}, kept as a human-editable JSON file: the id of the root node (the concentrator
 * itself, XEP-0326 §3.7), the HAL backend and its options, and the nodes in tree order with their type and
 * parameters (the values of the node type's parameters, XEP-0326 §3.9). Example:
 *
 * <pre>{@code
 * {
 *   "rootId": "Hub",
 *   "hal": { "backend": "mock", "options": {} },
 *   "nodes": [
 *     { "id": "Heater", "type": "relay", "parameters": { "pin": 17, "activeLow": false } },
 *     { "id": "Climate", "type": "bme280", "parameters": { "bus": 1, "address": 118 } }
 *   ]
 * }
 * }</pre>
 *
 * <p>Parameter values may be JSON numbers, booleans or strings; they are read as text and checked by the node type
 * exactly like a submitted form. A node's {@code parent} is optional and defaults to the root. Unknown members are
 * errors, so a misspelt key is not silently ignored.
 *
 * @param rootId     the root node's id
 * @param backend    the HAL backend id, {@code mock} or {@code pi4j}
 * @param halOptions the backend's options (keys without the {@code hal.} prefix)
 * @param nodes      the nodes, parents before their children
 * @since 0.1.0
 */
public record HubConfig(String rootId, String backend, Map<String, String> halOptions, List<Node> nodes) {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if the root id or backend is missing
     */
    public HubConfig {
        Objects.requireNonNull(rootId, "rootId");
        Objects.requireNonNull(backend, "backend");
        halOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(halOptions));
        nodes = List.copyOf(nodes);
    }

    /**
     * One node of the file.
     *
     * @param id         the node id
     * @param type       the node type, for example {@code relay} or {@code bme280}
     * @param parent     the parent's id, null for a child of the root
     * @param parameters the parameter values as text, in the node type's order
     */
    public record Node(String id, String type, String parent, Map<String, String> parameters) {

        /**
         * Validates and copies.
         *
         * @throws NullPointerException if the id or type is missing
         */
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /**
     * A configuration without nodes.
     *
     * @param rootId  the root node's id
     * @param backend the HAL backend
     * @return the configuration
     */
    public static HubConfig empty(String rootId, String backend) {
        return new HubConfig(rootId, backend, Map.of(), List.of());
    }

    /** @return the HAL configuration: the backend and its options */
    public HalConfig halConfig() {
        HalConfig.Builder b = HalConfig.builder().backend(backend);
        halOptions.forEach(b::option);
        return b.build();
    }

    /**
     * This configuration with other nodes.
     *
     * @param list the nodes
     * @return a copy
     */
    public HubConfig withNodes(List<Node> list) {
        return new HubConfig(rootId, backend, halOptions, list);
    }

    /**
     * Parses a configuration document.
     *
     * @param json the JSON text
     * @return the configuration
     * @throws IllegalArgumentException if the text is not JSON or not a hub configuration; the message says where
     */
    public static HubConfig parse(String json) {
        Map<String, Object> top = object(Json.parse(json), "the document");
        only(top, "the document", Set.of("rootId", "hal", "nodes"));
        String rootId = text(top.getOrDefault("rootId", "Hub"), "rootId");
        Map<String, Object> hal = object(top.getOrDefault("hal", Map.of("backend", "mock")), "hal");
        only(hal, "hal", Set.of("backend", "options"));
        String backend = text(hal.get("backend"), "hal.backend");
        Map<String, String> options =
                scalars(object(hal.getOrDefault("options", Map.of()), "hal.options"), "hal.options");
        List<Node> nodes = new ArrayList<>();
        Object list = top.getOrDefault("nodes", List.of());
        if (!(list instanceof List<?> l)) {
            throw new IllegalArgumentException("nodes must be an array");
        }
        for (int i = 0; i < l.size(); i++) {
            String where = "nodes[" + i + "]";
            Map<String, Object> n = object(l.get(i), where);
            only(n, where, Set.of("id", "type", "parent", "parameters"));
            Object parent = n.get("parent");
            nodes.add(new Node(
                    text(n.get("id"), where + ".id"),
                    text(n.get("type"), where + ".type"),
                    parent == null ? null : text(parent, where + ".parent"),
                    scalars(
                            object(n.getOrDefault("parameters", Map.of()), where + ".parameters"),
                            where + ".parameters")));
        }
        return new HubConfig(rootId, backend, options, nodes);
    }

    /** @return the configuration as indented JSON; integers and booleans are written as JSON numbers and booleans */
    public String toJson() {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("rootId", rootId);
        Map<String, Object> hal = new LinkedHashMap<>();
        hal.put("backend", backend);
        hal.put("options", new LinkedHashMap<>(halOptions));
        top.put("hal", hal);
        List<Object> list = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.id());
            m.put("type", n.type());
            if (n.parent() != null) {
                m.put("parent", n.parent());
            }
            Map<String, Object> p = new LinkedHashMap<>();
            n.parameters().forEach((k, v) -> p.put(k, typed(v)));
            m.put("parameters", p);
            list.add(m);
        }
        top.put("nodes", list);
        return Json.write(top);
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file
     * @return the configuration
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid configuration; the message names the file
     */
    public static HubConfig read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes this configuration atomically: a power cut leaves the old or the new file, never a torn one.
     *
     * @param file the file
     * @throws IOException if it cannot be written; the file then keeps its old content
     */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, toJson());
    }

    private static Object typed(String v) {
        if (INTEGER.matcher(v).matches()) {
            return Long.parseLong(v);
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String where) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return (Map<String, Object>) o;
    }

    private static void only(Map<String, Object> m, String where, Set<String> allowed) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown member \"" + k + "\"; allowed: " + allowed);
            }
        }
    }

    private static String text(Object o, String where) {
        if (!(o instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(where + " must be a non-empty string");
        }
        return s;
    }

    private static Map<String, String> scalars(Map<String, Object> m, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v instanceof String || v instanceof Boolean || v instanceof Long) {
                out.put(k, String.valueOf(v));
            } else if (v instanceof Double d) {
                out.put(k, java.math.BigDecimal.valueOf(d).toPlainString());
            } else {
                throw new IllegalArgumentException(where + "." + k + " must be a string, number or boolean");
            }
        });
        return out;
    }
}
