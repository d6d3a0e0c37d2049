package io.github.xmppiot.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How results are printed: aligned tables for people (the default) or JSON for scripts ({@code --json}).
 */
public final class Output {

    @Option(names = "--json", order = 200, description = "Print JSON instead of a table.")
    private boolean json;

    /** @return whether JSON was requested */
    public boolean json() {
        return json;
    }

    /**
     * Prints rows as a table or as a JSON array of objects keyed by the column names.
     *
     * @param out     where to print
     * @param columns the column names
     * @param rows    the rows, each with one cell per column (null prints empty / JSON null)
     */
    public void rows(PrintWriter out, List<String> columns, List<List<Object>> rows) {
        if (json) {
            List<Object> objects = new ArrayList<>();
            for (List<Object> row : rows) {
                Map<String, Object> o = new java.util.LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    o.put(columns.get(i), row.get(i));
                }
                objects.add(o);
            }
            out.println(toJson(objects));
        } else {
            out.print(table(columns, rows));
        }
        out.flush();
    }

    /**
     * Prints one JSON value, or a line of text for people.
     *
     * @param out   where to print
     * @param value the JSON value (maps, lists, strings, numbers, booleans, null)
     * @param text  the human-readable line
     */
    public void result(PrintWriter out, Object value, String text) {
        out.println(json ? toJson(value) : text);
        out.flush();
    }

    /**
     * Renders an aligned text table with a header line.
     *
     * @param columns the header
     * @param rows    the rows
     * @return the table, one line per row, each ending in a newline
     */
    public static String table(List<String> columns, List<List<Object>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<Object> row : rows) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        StringBuilder b = new StringBuilder();
        line(b, widths, new ArrayList<>(columns));
        for (List<Object> row : rows) {
            line(b, widths, row);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, int[] widths, List<?> cells) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String c = cell(cells.get(i));
            l.append(c);
            if (i < widths.length - 1) {
                l.append(" ".repeat(widths[i] - c.length() + 2));
            }
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static String cell(Object o) {
        return o == null ? "" : String.valueOf(o).replaceAll("\\R", " ");
    }

    private static final JSON JSON_WRITER = JSON.builder(JsonFactory.builder()
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build())
            .build()
            .with(JSON.Feature.WRITE_NULL_PROPERTIES);

    /**
     * Serialises maps, iterables, strings, numbers, booleans and null as JSON (with jackson-jr); anything else, and
     * numbers that JSON cannot hold (NaN, infinities), as its string form.
     *
     * @param value the value
     * @return compact JSON
     */
    public static String toJson(Object value) {
        try {
            return JSON_WRITER.asString(plain(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        } else if (v instanceof Number n) {
            return Double.isFinite(n.doubleValue()) ? n : n.toString();
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        } else if (v instanceof Iterable<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(plain(x)));
            return out;
        }
        return String.valueOf(v);
    }
}
