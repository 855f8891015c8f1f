package io.sigil.policy;

import java.util.List;

/**
 * The values of {@code Action}/{@code NotAction} or {@code Resource}/{@code NotResource}: a single string or an
 * array, read as a list; {@code negated} for the {@code Not…} form. Non-string items are kept as their text
 * (the validator reports them).
 */
public record ElementList(List<String> values, boolean negated, SourceSpan span) {
    public ElementList {
        values = List.copyOf(values);
    }
}
