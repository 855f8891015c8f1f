package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A long-term access key (spec §1.8, §5.4). The secret is not part of this record: the store keeps it sealed
 * (AES-GCM) and hands it out only as an {@link AccessKeySecret}.
 *
 * @param id {@code AKIA…}, unique across all accounts
 * @param userId the owner's unique id, or null for the account's root user
 * @param userName the owner's current name, or null for the root user
 * @param lastUsed null if never used
 */
public record AccessKey(
        String accountId,
        String id,
        String userId,
        String userName,
        AccessKeyStatus status,
        Instant createDate,
        AccessKeyLastUsed lastUsed) {

    public AccessKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }

    public boolean isRoot() {
        return userId == null;
    }

    public boolean isActive() {
        return status == AccessKeyStatus.ACTIVE;
    }
}
