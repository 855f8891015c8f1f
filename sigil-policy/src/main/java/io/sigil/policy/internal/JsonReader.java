package io.sigil.policy.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.sigil.policy.SourceSpan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text into a {@link Json} tree with source spans. Bounded: nesting deeper than {@code maxDepth}
 * (a policy needs six levels) and strings longer than the text itself cannot occur, so hostile input ends in a
 * {@link SyntaxError}, never a stack overflow.
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** The text is not one well-formed JSON value; line and column say where reading stopped. */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public int line() { return line; }

        public int column() { return column; }
    }

    private JsonReader() {}

    public static Json read(String text) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError("empty document", 1, 1);
            }
            Json value = readValue(p, first);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the document", l.getLineNr(), l.getColumnNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            int line = l == null ? 0 : l.getLineNr();
            int col = l == null ? 0 : l.getColumnNr();
            throw new SyntaxError(e.getOriginalMessage(), line, col);
        } catch (IOException e) {
            throw new SyntaxError("unreadable document", 0, 0);
        }
    }

    private static Json readValue(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonParseFailure(p, "unexpected end of the document");
        }
        JsonLocation start = p.currentTokenLocation();
        switch (t) {
            case START_OBJECT: {
                List<Json.Member> members = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    SourceSpan nameSpan = span(start(p), p.currentLocation());
                    JsonToken vt = p.nextToken();
                    members.add(new Json.Member(name, nameSpan, readValue(p, vt)));
                }
                return new Json.JObject(members, span(start, p.currentLocation()));
            }
            case START_ARRAY: {
                List<Json> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(p, n));
                }
                return new Json.JArray(items, span(start, p.currentLocation()));
            }
            case VALUE_STRING:
                return new Json.JString(p.getText(), span(start, p.currentLocation()));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Json.JNumber(p.getText(), span(start, p.currentLocation()));
            case VALUE_TRUE:
                return new Json.JBool(true, span(start, p.currentLocation()));
            case VALUE_FALSE:
                return new Json.JBool(false, span(start, p.currentLocation()));
            case VALUE_NULL:
                return new Json.JNull(span(start, p.currentLocation()));
            default:
                throw new JsonParseFailure(p, "unexpected token " + t);
        }
    }

    private static JsonLocation start(JsonParser p) {
        return p.currentTokenLocation();
    }

    private static SourceSpan span(JsonLocation s, JsonLocation e) {
        return new SourceSpan(s.getLineNr(), s.getColumnNr(), e.getLineNr(), e.getColumnNr(),
                s.getCharOffset(), e.getCharOffset());
    }

    private static final class JsonParseFailure extends JsonProcessingException {
        JsonParseFailure(JsonParser p, String msg) {
            super(msg, p.currentTokenLocation());
        }
    }
}
