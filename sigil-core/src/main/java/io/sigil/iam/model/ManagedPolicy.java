package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A managed policy (spec §1.6; IAM API Reference, "Policy" data type): a customer managed policy of an account, or
 * an AWS managed policy, whose "account" is {@code aws} ({@code arn:aws:iam::aws:policy/ReadOnlyAccess}). Name and
 * path cannot change after creation, so the ARN is stable; names are unique per account case-insensitively.
 *
 * @param accountId the owning account, or {@link #AWS} for an AWS managed policy
 * @param id the unique id, {@code ANPA…}
 * @param description null when none ("You cannot change the description after you assign it", CreatePolicy)
 * @param defaultVersionId {@code v1}, {@code v2}, …: the version in force
 * @param updateDate when the most recent version was created (the create date while there is only v1)
 * @param tags in key order (case-insensitive); always empty for AWS managed policies
 * @param version optimistic-lock version of the row
 */
public record ManagedPolicy(
        String accountId,
        String name,
        String path,
        String id,
        String description,
        String defaultVersionId,
        Instant createDate,
        Instant updateDate,
        List<Tag> tags,
        long version) {

    /** The account part of AWS managed policy ARNs. */
    public static final String AWS = "aws";

    public ManagedPolicy {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultVersionId, "defaultVersionId");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** A customer managed policy about to be created: v1 is its default version (CreatePolicy). */
    public static ManagedPolicy create(String accountId, String name, String path, String id, String description,
            Instant createDate, List<Tag> tags) {
        return new ManagedPolicy(accountId, name, path, id, description, PolicyVersion.FIRST, createDate,
                createDate, tags, 0);
    }

    public String arn() {
        return Arns.policy(accountId, path, name);
    }

    public boolean isAwsManaged() {
        return AWS.equals(accountId);
    }

    public ManagedPolicy withTags(List<Tag> newTags) {
        return new ManagedPolicy(accountId, name, path, id, description, defaultVersionId, createDate, updateDate,
                newTags, version);
    }
}
