package io.sigil.server.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies read into plain values ({@code Map<String, Object>} in member order, {@code List}, {@code String},
 * {@code BigDecimal}, {@code Boolean}, null) and answers written back, with Jackson's streaming API only (STYLE.md:
 * Jackson core). A body that is not one JSON value, or has a member twice, is rejected: the caller answers it as
 * its protocol says (ValidationException {@code cannotParse} for Access Analyzer).
 */
public final class JsonTree {
    /** Nesting deeper than this is refused before it can exhaust the stack. */
    public static final int MAX_DEPTH = 64;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonTree() {}

    /** Thrown for a body that is not a single well-formed JSON value; the message is safe to show. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    public static Object parse(byte[] body) throws Malformed {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Malformed("The request body is empty.");
            }
            Object v = value(p, t);
            if (p.nextToken() != null) {
                throw new Malformed("The request body has content after its JSON value.");
            }
            return v;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Malformed m) {
                throw m;
            }
            throw new Malformed("The request body is not valid JSON.");
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException, Malformed {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    Object v = value(p, p.nextToken());
                    if (m.containsKey(name)) {
                        throw new Malformed("The request body has the member " + name + " twice.");
                    }
                    m.put(name, v);
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, t));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new Malformed("The request body is not valid JSON.");
        }
    }

    /** Writes a value built of maps, lists, strings, numbers, booleans and nulls. */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
