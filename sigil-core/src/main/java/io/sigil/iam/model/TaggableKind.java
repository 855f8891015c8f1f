package io.sigil.iam.model;

/** Entities that carry tags here: users and roles (Tag/Untag/List{User,Role}Tags). */
public enum TaggableKind {
    USER("user"),
    ROLE("role");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
