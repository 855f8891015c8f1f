package io.sigil.policy.reference;

/**
 * A condition key as AWS spells it, with its type. {@code prefix} marks keys whose last segment is a name chosen by
 * the policy author, such as {@code aws:RequestTag/} (written {@code aws:RequestTag/${TagKey}} by AWS): any key that
 * starts with {@link #name()} matches.
 */
public record ConditionKeyInfo(String name, KeyType type, boolean prefix) {
}
