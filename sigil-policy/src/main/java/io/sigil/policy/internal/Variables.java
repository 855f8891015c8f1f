package io.sigil.policy.internal;

/** Resolves a policy variable: the single value of a request key, or null when absent or multivalued. */
@FunctionalInterface
public interface Variables {
    /** @param keyLower the key name in lower case */
    String single(String keyLower);
}
