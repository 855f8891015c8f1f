package io.sigil.iam.model;

import java.util.Objects;

/**
 * An inline policy embedded in one user, group or role (spec §1.6). The document is kept as submitted, byte for
 * byte, so GetUserPolicy can echo it back (URL-encoded) as AWS does.
 */
public record InlinePolicy(String accountId, PolicyOwnerKind ownerKind, String ownerName, String name,
        String document) {

    public InlinePolicy {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
