package io.sigil.policy.internal.validation;

import io.sigil.policy.SourceSpan;

import java.util.List;
import java.util.Set;

/**
 * What the cross-statement and security checks need to know about one statement, once its elements have been read.
 * Lists are empty (not null) when the element is absent or malformed.
 */
record StatementFacts(int index, String path, SourceSpan span, Item sid, String effect, List<Item> actions,
                      boolean notAction, List<Item> resources, boolean notResource, boolean hasResource,
                      Set<String> conditionKeys, String canonical) {
    StatementFacts {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditionKeys = Set.copyOf(conditionKeys);
    }

    boolean allows() {
        return "Allow".equals(effect);
    }
}
