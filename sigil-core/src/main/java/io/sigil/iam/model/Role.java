package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An IAM role (spec §1.5; API Reference, "Role" data type). Cannot be renamed. Names are unique per account
 * case-insensitively.
 *
 * @param id the unique id, {@code AROA…}
 * @param assumeRolePolicyDocument the trust policy, as submitted
 * @param description null when none
 * @param maxSessionDuration seconds, 3600–43200
 * @param permissionsBoundaryArn null when none
 */
public record Role(
        String accountId,
        String name,
        String path,
        String id,
        Instant createDate,
        String assumeRolePolicyDocument,
        String description,
        int maxSessionDuration,
        String permissionsBoundaryArn,
        List<Tag> tags,
        long version) {

    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public Role {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(assumeRolePolicyDocument, "assumeRolePolicyDocument");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** A role about to be created: version 0, default max session duration of one hour. */
    public static Role create(String accountId, String name, String path, String id, Instant createDate,
            String assumeRolePolicyDocument, String description, List<Tag> tags) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description,
                DEFAULT_MAX_SESSION_DURATION, null, tags, 0);
    }

    public String arn() {
        return Arns.role(accountId, path, name);
    }

    public Role withTrustPolicy(String document) {
        return new Role(accountId, name, path, id, createDate, document, description, maxSessionDuration,
                permissionsBoundaryArn, tags, version);
    }

    public Role withDescription(String newDescription, int newMaxSessionDuration) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, newDescription,
                newMaxSessionDuration, permissionsBoundaryArn, tags, version);
    }

    public Role withTags(List<Tag> newTags) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundaryArn, newTags, version);
    }

    public Role withPermissionsBoundary(String arn) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, arn, tags, version);
    }
}
