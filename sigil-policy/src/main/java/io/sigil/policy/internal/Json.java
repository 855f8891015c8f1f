package io.sigil.policy.internal;

import io.sigil.policy.SourceSpan;

import java.util.List;

/**
 * A JSON value as it was written, with where it was written. Object members keep their order and their
 * duplicates: IAM treats a duplicated element differently from a JSON library (legacy documents merge
 * duplicated Action/Resource and keep the last Effect), so the tree must not lose them.
 */
public sealed interface Json {
    SourceSpan span();

    /** A short JSON type name for messages: string, number, boolean, null, array, object. */
    String typeName();

    record JString(String value, SourceSpan span) implements Json {
        public String typeName() { return "string"; }
    }

    /** A number keeps its literal text: IAM reads {@code 10} and {@code "10"} alike. */
    record JNumber(String text, SourceSpan span) implements Json {
        public String typeName() { return "number"; }
    }

    record JBool(boolean value, SourceSpan span) implements Json {
        public String typeName() { return "boolean"; }
    }

    record JNull(SourceSpan span) implements Json {
        public String typeName() { return "null"; }
    }

    record JArray(List<Json> items, SourceSpan span) implements Json {
        public JArray {
            items = List.copyOf(items);
        }

        public String typeName() { return "array"; }
    }

    record Member(String name, SourceSpan nameSpan, Json value) {}

    record JObject(List<Member> members, SourceSpan span) implements Json {
        public JObject {
            members = List.copyOf(members);
        }

        public String typeName() { return "object"; }

        /** The last member with this exact name, or null. */
        public Json get(String name) {
            Json found = null;
            for (Member m : members) {
                if (m.name().equals(name)) {
                    found = m.value();
                }
            }
            return found;
        }
    }

    /** The scalar as IAM reads it (numbers and booleans as their text), or null for arrays, objects and null. */
    static String scalarText(Json j) {
        if (j instanceof JString s) {
            return s.value();
        }
        if (j instanceof JNumber n) {
            return n.text();
        }
        if (j instanceof JBool b) {
            return Boolean.toString(b.value());
        }
        return null;
    }
}
