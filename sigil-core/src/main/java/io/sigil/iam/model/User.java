package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM user (spec §1.3; API Reference, "User" data type). Names are unique per account case-insensitively and
 * keep their case.
 *
 * @param id the unique id, {@code AIDA…}; a user re-created with the same name gets a new one
 * @param permissionsBoundaryArn null when none is set
 * @param passwordLastUsed null if the password was never used or there is none
 * @param tags in key order (case-insensitive)
 * @param version optimistic-lock version, increased by every write to the row
 */
public record User(
        String accountId,
        String name,
        String path,
        String id,
        Instant createDate,
        String permissionsBoundaryArn,
        Instant passwordLastUsed,
        List<Tag> tags,
        long version) {

    public User {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** A user about to be created: version 0. */
    public static User create(String accountId, String name, String path, String id, Instant createDate,
            String permissionsBoundaryArn, List<Tag> tags) {
        return new User(accountId, name, path, id, createDate, permissionsBoundaryArn, null, tags, 0);
    }

    public String arn() {
        return Arns.user(accountId, path, name);
    }

    /** UpdateUser: new name and/or path, same id, policies and memberships. */
    public User renamed(String newName, String newPath) {
        return new User(accountId, newName, newPath, id, createDate, permissionsBoundaryArn, passwordLastUsed,
                tags, version);
    }

    public User withPermissionsBoundary(String arn) {
        return new User(accountId, name, path, id, createDate, arn, passwordLastUsed, tags, version);
    }

    public User withTags(List<Tag> newTags) {
        return new User(accountId, name, path, id, createDate, permissionsBoundaryArn, passwordLastUsed, newTags,
                version);
    }

    public User withPasswordLastUsed(Instant when) {
        return new User(accountId, name, path, id, createDate, permissionsBoundaryArn, when, tags, version);
    }
}
