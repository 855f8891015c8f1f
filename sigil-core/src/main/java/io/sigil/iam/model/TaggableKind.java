package io.sigil.iam.model;

/**
 * Entities that carry tags here: users, roles and virtual MFA devices (Tag/Untag/List{User,Role,MFADevice}Tags).
 * An MFA device is named by its serial number.
 */
public enum TaggableKind {
    USER("user"),
    ROLE("role"),
    MFA_DEVICE("MFA device");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
