package io.sigil.iam.model;

/** The identities that hold inline policies (spec §1.6): Put/Get/Delete/List{User,Group,Role}Policy. */
public enum PolicyOwnerKind {
    USER("user"),
    GROUP("group"),
    ROLE("role");

    private final String noun;

    PolicyOwnerKind(String noun) {
        this.noun = noun;
    }

    /** "user", "group" or "role", as in AWS messages ("The user policy with name X cannot be found."). */
    public String noun() {
        return noun;
    }
}
