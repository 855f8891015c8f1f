package io.sigil.iam.model;

/**
 * Entities that carry tags here: users, roles, customer managed policies, instance profiles and virtual MFA
 * devices (Tag/Untag/List{User,Role,Policy,InstanceProfile,MFADevice}Tags). A policy is named by its ARN and an MFA
 * device by its serial number, where the others are named by name.
 */
public enum TaggableKind {
    USER("user"),
    ROLE("role"),
    POLICY("policy"),
    INSTANCE_PROFILE("instance profile"),
    MFA_DEVICE("MFA device");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
