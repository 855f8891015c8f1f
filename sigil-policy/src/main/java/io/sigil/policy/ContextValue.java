package io.sigil.policy;

import java.util.List;

/**
 * The value(s) of one condition key in a request. A single-valued key holds one value; a multivalued key any
 * number, none included (a present key with an empty set differs from an absent key: IAM User Guide,
 * "Single-valued vs. multivalued context keys").
 */
public record ContextValue(List<String> values, boolean multiValued) {
    public ContextValue {
        values = List.copyOf(values);
    }

    public static ContextValue of(String value) {
        return new ContextValue(List.of(value), false);
    }

    public static ContextValue ofList(List<String> values) {
        return new ContextValue(values, true);
    }

    /** The single value, or null for a multivalued key. */
    public String single() {
        return !multiValued && values.size() == 1 ? values.get(0) : null;
    }
}
