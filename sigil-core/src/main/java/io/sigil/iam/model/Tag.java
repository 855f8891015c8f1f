package io.sigil.iam.model;

import java.util.Objects;

/**
 * A tag on a user or role (IAM User Guide, "Tags for IAM resources"). For users and roles, keys are unique
 * case-insensitively but keep the case last given ("Case sensitivity": tagging {@code department=hr} replaces
 * {@code Department=finance}). An omitted value is the empty string.
 */
public record Tag(String key, String value) {

    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
