package io.github.xmppiot.concentrator.hub.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub file's JSON (RFC 8259), read and written with jackson-jr. Objects are read as {@link LinkedHashMap}s
 * (member order kept, duplicate members rejected), arrays as {@link List}s, integers as {@link Long} (larger ones as
 * {@link java.math.BigInteger}), other numbers as {@link Double}, {@code true}/{@code false}/{@code null} as
 * {@link Boolean} and {@code null}. Errors name the line and column. The writer indents by two spaces, one member or
 * element a line, {@code "name": value}, ending with a newline: the format of the files written before.
 */
public final class Json {

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private static final JSON READER = JSON.std.with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS);

    private static final JSON WRITER = JSON.std
            .with(JSON.Feature.FAIL_ON_UNKNOWN_TYPE_WRITE, JSON.Feature.WRITE_NULL_PROPERTIES)
            .without(JSON.Feature.HANDLE_JAVA_BEANS)
            .with(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT));

    private Json() {}

    /**
     * Parses one JSON value.
     *
     * @param text the document
     * @return the value
     * @throws IllegalArgumentException if the document is not valid JSON; the message names the line and column
     */
    public static Object parse(String text) {
        try (JsonParser p = READER.getStreamingFactory().createParser(text)) {
            Object value = longs(READER.anyFrom(p));
            if (p.nextToken() != null) {
                throw error(p.currentLocation(), "unexpected text after the document");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw error(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Integers that fit in an {@code int} are read as {@link Integer}: the hub reads every integer as a Long. */
    @SuppressWarnings("unchecked")
    private static Object longs(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).replaceAll((k, x) -> longs(x));
        } else if (v instanceof List<?> l) {
            ((List<Object>) l).replaceAll(Json::longs);
        }
        return v;
    }

    private static IllegalArgumentException error(JsonLocation at, String message) {
        String where = at == null ? "JSON" : "JSON line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new IllegalArgumentException(where + ": " + message);
    }

    /**
     * Writes a value as indented JSON (two spaces), ending with a newline.
     *
     * @param value a {@link Map} with string keys, {@link List}, {@link String}, {@link Number}, {@link Boolean} or null
     * @return the document
     * @throws IllegalArgumentException if a value of another kind is met
     */
    public static String write(Object value) {
        try {
            return WRITER.asString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
