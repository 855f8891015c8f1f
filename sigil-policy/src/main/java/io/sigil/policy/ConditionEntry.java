package io.sigil.policy;

import java.util.List;

/**
 * One operator/key pair of a {@code Condition} block, with its values (OR-ed). The operator keeps its full
 * spelling, qualifier and {@code IfExists} suffix included, e.g. {@code ForAnyValue:StringLikeIfExists}.
 */
public record ConditionEntry(String operator, String key, List<String> values, SourceSpan span) {
    public ConditionEntry {
        values = List.copyOf(values);
    }
}
