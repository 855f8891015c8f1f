package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.Objects;

/**
 * An IAM group (spec §1.4): contains users only, no nesting, not a principal, not taggable. Names are unique per
 * account case-insensitively.
 *
 * @param id the unique id, {@code AGPA…}
 */
public record Group(String accountId, String name, String path, String id, Instant createDate, long version) {

    public Group {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
    }

    public static Group create(String accountId, String name, String path, String id, Instant createDate) {
        return new Group(accountId, name, path, id, createDate, 0);
    }

    public String arn() {
        return Arns.group(accountId, path, name);
    }

    /** UpdateGroup: new name and/or path; members, policies and id stay. */
    public Group renamed(String newName, String newPath) {
        return new Group(accountId, newName, newPath, id, createDate, version);
    }
}
