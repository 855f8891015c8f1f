package io.sigil.policy;

import java.util.List;

/**
 * One statement as written. Absent elements are null. {@code effect} is null when the text is neither
 * {@code Allow} nor {@code Deny}; such a statement never applies.
 */
public record Statement(int index, String sid, Effect effect, PrincipalBlock principal, ElementList action,
                        ElementList resource, List<ConditionEntry> conditions, SourceSpan span) {
    public Statement {
        conditions = List.copyOf(conditions);
    }
}
