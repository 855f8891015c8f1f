package io.sigil.iam.model;

/** Entities that carry tags here: users, roles and server certificates (Tag/Untag/List{User,Role,ServerCertificate}Tags). */
public enum TaggableKind {
    USER("user"),
    ROLE("role"),
    SERVER_CERTIFICATE("server certificate");

    private final String noun;

    TaggableKind(String noun) {
        this.noun = noun;
    }

    public String noun() {
        return noun;
    }
}
