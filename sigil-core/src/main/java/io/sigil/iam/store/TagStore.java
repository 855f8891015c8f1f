package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import java.util.Collection;
import java.util.List;

/**
 * Tags of users, roles, customer managed policies and instance profiles (IAM User Guide, "Tags for IAM resources").
 * Keys match case-insensitively: tagging an existing key replaces its value and spelling. {@code ownerName} is the
 * user, role or instance profile name, or the policy ARN.
 */
public interface TagStore {

    /**
     * Tag{User,Role,InstanceProfile}: adds or replaces.
     *
     * @throws IamException NoSuchEntity for an unknown owner, LimitExceeded past 50 tags
     */
    void tag(String accountId, TaggableKind kind, String ownerName, List<Tag> tags);

    /** Untag{User,Role,InstanceProfile}: unknown keys are ignored. @throws IamException NoSuchEntity for an unknown owner */
    void untag(String accountId, TaggableKind kind, String ownerName, Collection<String> keys);

    /** List{User,Role,InstanceProfile}Tags, ordered by key (case-insensitive); the path prefix is ignored. */
    Page<Tag> list(String accountId, TaggableKind kind, String ownerName, PageRequest page);
}
