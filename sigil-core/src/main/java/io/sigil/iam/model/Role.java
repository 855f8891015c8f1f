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
 * @param linkedService the service principal of a service-linked role ({@code elasticbeanstalk.amazonaws.com}),
 *     null for a customer role (IAM User Guide, "Using service-linked roles")
 * @param lastUsed when the role was last assumed (API Reference, "RoleLastUsed" › LastUsedDate); null if never
 * @param lastUsedRegion the region of that use ("RoleLastUsed" › Region); null if never
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
        long version,
        String linkedService,
        Instant lastUsed,
        String lastUsedRegion) {

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

    /** A customer role that was never used. */
    public Role(String accountId, String name, String path, String id, Instant createDate,
            String assumeRolePolicyDocument, String description, int maxSessionDuration, String permissionsBoundaryArn,
            List<Tag> tags, long version) {
        this(accountId, name, path, id, createDate, assumeRolePolicyDocument, description, maxSessionDuration,
                permissionsBoundaryArn, tags, version, null, null, null);
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

    /** True for a role that CreateServiceLinkedRole made: only its service may change it. */
    public boolean isServiceLinked() {
        return linkedService != null;
    }

    public Role withTrustPolicy(String document) {
        return new Role(accountId, name, path, id, createDate, document, description, maxSessionDuration,
                permissionsBoundaryArn, tags, version, linkedService, lastUsed, lastUsedRegion);
    }

    public Role withDescription(String newDescription, int newMaxSessionDuration) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, newDescription,
                newMaxSessionDuration, permissionsBoundaryArn, tags, version, linkedService, lastUsed,
                lastUsedRegion);
    }

    public Role withTags(List<Tag> newTags) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundaryArn, newTags, version, linkedService, lastUsed,
                lastUsedRegion);
    }

    public Role withPermissionsBoundary(String arn) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, arn, tags, version, linkedService, lastUsed, lastUsedRegion);
    }

    public Role withMaxSessionDuration(int seconds) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description, seconds,
                permissionsBoundaryArn, tags, version, linkedService, lastUsed, lastUsedRegion);
    }

    /** The same role, linked to {@code servicePrincipal}: what CreateServiceLinkedRole stores. */
    public Role linkedTo(String servicePrincipal) {
        return new Role(accountId, name, path, id, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, permissionsBoundaryArn, tags, version, servicePrincipal, lastUsed, lastUsedRegion);
    }
}
