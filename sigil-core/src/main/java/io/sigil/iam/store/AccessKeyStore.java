package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyLastUsed;
import io.sigil.iam.model.AccessKeySecret;
import io.sigil.iam.model.AccessKeyStatus;
import java.util.Optional;

/**
 * Long-term access keys (spec §5.4). Secrets are sealed with AES-256-GCM before they reach the database, bound to
 * the key id and account; they are opened only by {@link #findWithSecret}.
 */
public interface AccessKeyStore {

    /**
     * Stores {@code key} (owner by {@code userId}, or the root user when null) with its secret sealed.
     *
     * @throws IamException NoSuchEntity for an unknown user, LimitExceeded past {@code AccessKeysPerUser}
     */
    AccessKey create(AccessKey key, String secretAccessKey);

    /** By key id, across accounts. */
    Optional<AccessKey> find(String accessKeyId);

    default AccessKey get(String accessKeyId) {
        return find(accessKeyId).orElseThrow(() -> noSuchKey(accessKeyId));
    }

    /** The key with its secret in clear, for signature verification. */
    Optional<AccessKeySecret> findWithSecret(String accessKeyId);

    /** ListAccessKeys of a user ({@code userName} null: the root user), ordered by key id. */
    Page<AccessKey> list(String accountId, String userName, PageRequest page);

    /** @throws IamException NoSuchEntity if the key is not in the account */
    AccessKey updateStatus(String accountId, String accessKeyId, AccessKeyStatus status);

    /** Records a use; a key that no longer exists is ignored. */
    void recordUse(String accessKeyId, AccessKeyLastUsed lastUsed);

    /** @throws IamException NoSuchEntity if the key is not in the account */
    void delete(String accountId, String accessKeyId);

    static IamException noSuchKey(String accessKeyId) {
        return IamException.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }
}
