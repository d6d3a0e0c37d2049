package io.github.xmppiot.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed views of JSON request members. */
final class Json {

    /** Most entries read from one JSON object or array of a request. */
    static final int MAX_ENTRIES = 100;

    private Json() {}

    /**
     * A JSON object of strings.
     *
     * @param value the member, may be null
     * @return its entries as strings (numbers and booleans in their JSON form)
     * @throws ConsoleException 400 if it is not an object or too large
     */
    static Map<String, String> strings(Object value) {
        Map<String, String> m = new LinkedHashMap<>();
        if (value == null) {
            return m;
        }
        if (!(value instanceof Map<?, ?> map) || map.size() > MAX_ENTRIES) {
            throw new ConsoleException(400, "'values' must be an object of at most " + MAX_ENTRIES + " entries");
        }
        map.forEach((k, v) -> {
            if (v != null) {
                m.put(String.valueOf(k), String.valueOf(v));
            }
        });
        return m;
    }

    /**
     * A JSON array of strings.
     *
     * @param value the member, may be null
     * @return its elements as strings
     * @throws ConsoleException 400 if it is not an array or too large
     */
    static List<String> stringList(Object value) {
        List<String> l = new ArrayList<>();
        if (value == null) {
            return l;
        }
        if (!(value instanceof List<?> list) || list.size() > MAX_ENTRIES) {
            throw new ConsoleException(400, "'conditions' must be an array of at most " + MAX_ENTRIES + " strings");
        }
        list.forEach(v -> l.add(String.valueOf(v)));
        return l;
    }
}
