package io.github.xmppiot.concentrator.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xmppiot.concentrator.hub.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON reader and writer behind the hub file (jackson-jr, configured for the hub file's format). */
class JsonTest {

    @Test
    void parsesAllKinds() {
        Object v = Json.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\\"\\n\\u00e9\"], \"b\": {}} ");
        assertThat(v)
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -25.0, true, false, null, "x\"\né"), "b", Map.of()));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("name", "tab\there \"quoted\" \u0001");
        doc.put("list", List.of(1L, 2.5, true, Map.of()));
        doc.put("empty", List.of());
        String text = Json.write(doc);
        assertThat(text).contains("\n  \"list\": [\n    1,").endsWith("}\n");
        assertThat(Json.parse(text)).isEqualTo(doc);
    }

    @Test
    void writesTheHubFileFormat() {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("rootId", "Hub");
        doc.put("options", Map.of());
        doc.put("nodes", List.of(Map.of("n", 7L), List.of()));
        doc.put("x", -2.5);
        doc.put("none", null);
        assertThat(Json.write(doc)).isEqualTo("""
                {
                  "rootId": "Hub",
                  "options": {},
                  "nodes": [
                    {
                      "n": 7
                    },
                    []
                  ],
                  "x": -2.5,
                  "none": null
                }
                """);
    }

    @Test
    void refusesValuesThatAreNotJson() {
        assertThatThrownBy(() -> Json.write(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": tru }")).hasMessageStartingWith("JSON line 2, column 8");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).hasMessageContaining("field name");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("Duplicate key");
        assertThatThrownBy(() -> Json.parse("[1] 2")).hasMessageContaining("after the document");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("closing quote");
    }
}
