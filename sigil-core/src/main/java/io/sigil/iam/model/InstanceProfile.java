package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An instance profile: a container for at most one role that EC2 passes to an instance (IAM User Guide, "Use
 * instance profiles"; API Reference, "InstanceProfile" data type). Names are unique per account case-insensitively.
 *
 * @param id the unique id, {@code AIPA…}
 * @param roles the role it holds, or none ("An instance profile can contain only one role")
 * @param tags in key order (case-insensitive)
 */
public record InstanceProfile(String accountId, String name, String path, String id, Instant createDate,
        List<Role> roles, List<Tag> tags) {

    public InstanceProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
        roles = List.copyOf(roles == null ? List.of() : roles);
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** A profile about to be created: no role yet. */
    public static InstanceProfile create(String accountId, String name, String path, String id, Instant createDate,
            List<Tag> tags) {
        return new InstanceProfile(accountId, name, path, id, createDate, List.of(), tags);
    }

    /** {@code arn:aws:iam::ACCOUNT:instance-profile/PATH/NAME}. */
    public String arn() {
        return Arns.instanceProfile(accountId, path, name);
    }

    public InstanceProfile withRoles(List<Role> newRoles) {
        return new InstanceProfile(accountId, name, path, id, createDate, newRoles, tags);
    }

    public InstanceProfile withTags(List<Tag> newTags) {
        return new InstanceProfile(accountId, name, path, id, createDate, roles, newTags);
    }
}
