package io.github.xmppiot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code --json} output: compact JSON that scripts can parse. */
class OutputTest {

    @Test
    void writesCompactJson() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("field", "Temp \"1\"\n\u0001");
        row.put("value", new BigDecimal("1E+3"));
        row.put("count", 3);
        row.put("ok", true);
        row.put("unit", null);
        row.put("list", Arrays.asList(1L, 2.5, null));
        assertThat(Output.toJson(List.of(row)))
                .isEqualTo(
                        "[{\"field\":\"Temp \\\"1\\\"\\n\\u0001\",\"value\":1000,\"count\":3,\"ok\":true,\"unit\":null,"
                                + "\"list\":[1,2.5,null]}]");
    }

    @Test
    void writesOtherValuesAsTheirStringForm() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(7, Instant.parse("2026-12-05T04:00:00Z"));
        m.put("nan", Double.NaN);
        assertThat(Output.toJson(m)).isEqualTo("{\"7\":\"2026-12-05T04:00:00Z\",\"nan\":\"NaN\"}");
    }
}
