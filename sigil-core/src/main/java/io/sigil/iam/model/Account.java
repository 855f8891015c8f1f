package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.Objects;

/**
 * An AWS account (spec §1.1): a 12-digit id and at most one alias (3–63 lower-case letters, digits, hyphens).
 *
 * @param alias null when the account has none
 * @param version optimistic-lock version; 0 before the first write
 */
public record Account(String id, String alias, Instant createDate, long version) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
        if (!id.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("an account id has 12 digits: " + id);
        }
    }

    public static Account create(String id, Instant createDate) {
        return new Account(id, null, createDate, 0);
    }

    public String rootArn() {
        return Arns.root(id);
    }

    public Account withAlias(String newAlias) {
        return new Account(id, newAlias, createDate, version);
    }
}
