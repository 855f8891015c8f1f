package io.sigil.policy.internal.validation;

import io.sigil.policy.internal.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A canonical text of a statement, for finding identical statements: members sorted by name, array items sorted,
 * a single string equal to a one-item array, Sid left out (IAM User Guide: "AWS may ... reorder JSON map elements";
 * a Sid does not change what a statement grants).
 */
final class Canonical {
    private Canonical() {}

    static String statement(Json.JObject st) {
        List<String> parts = new ArrayList<>();
        for (Json.Member m : st.members()) {
            if (!m.name().equals("Sid")) {
                parts.add(quote(m.name()) + ":" + of(m.value()));
            }
        }
        parts.sort(null);
        return "{" + String.join(",", parts) + "}";
    }

    static String of(Json v) {
        if (v instanceof Json.JObject o) {
            List<String> parts = new ArrayList<>();
            for (Json.Member m : o.members()) {
                parts.add(quote(m.name()) + ":" + of(m.value()));
            }
            parts.sort(null);
            return "{" + String.join(",", parts) + "}";
        }
        if (v instanceof Json.JArray a) {
            List<String> parts = new ArrayList<>();
            for (Json item : a.items()) {
                parts.add(of(item));
            }
            parts.sort(null);
            return parts.size() == 1 ? parts.get(0) : "[" + String.join(",", parts) + "]";
        }
        String s = Json.scalarText(v);
        return s == null ? "null" : quote(s);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
