package io.sigil.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sigil.iam.model.DelegationPermissions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a delegation request's permissions as one JSON column:
 * {@code [{"name":"N","type":"string","values":["v"]}]}.
 */
final class DelegationParametersJson {
    private static final JsonFactory JSON = new JsonFactory();

    private DelegationParametersJson() {
    }

    static String write(List<DelegationPermissions.Parameter> params) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (DelegationPermissions.Parameter p : params) {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                if (p.type() != null) {
                    g.writeStringField("type", p.type());
                }
                g.writeArrayFieldStart("values");
                for (String v : p.values()) {
                    g.writeString(v);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<DelegationPermissions.Parameter> read(String json) {
        List<DelegationPermissions.Parameter> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                String type = null;
                List<String> values = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "name" -> name = p.getText();
                        case "type" -> type = p.getText();
                        default -> {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                values.add(p.getText());
                            }
                        }
                    }
                }
                out.add(new DelegationPermissions.Parameter(name, type, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
