package io.sigil.policy;

import java.util.List;
import java.util.Map;

/**
 * {@code Principal} or {@code NotPrincipal}. {@code "*"} is read as {@code {"AWS":"*"}} (IAM JSON policy elements:
 * Principal, "All principals"). Keys keep their spelling: {@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}.
 */
public record PrincipalBlock(Map<String, List<String>> entries, boolean negated, boolean bareWildcard, SourceSpan span) {
    public PrincipalBlock {
        entries = Map.copyOf(entries);
    }

    public List<String> get(String type) {
        return entries.getOrDefault(type, List.of());
    }
}
