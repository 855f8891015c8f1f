package io.sigil.iam.model;

/** Entities that carry tags here: users, roles and instance profiles (Tag/Untag/List{User,Role,InstanceProfile}Tags). */
public enum TaggableKind {
    USER("user"),
    ROLE("role"),
    INSTANCE_PROFILE("instance profile");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
