package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.SshKey;
import java.util.Optional;

/** SSH public keys of IAM users (IAM API Reference: UploadSSHPublicKey and the other SSH key operations). */
public interface SshKeyStore {

    /**
     * Stores a new key under a lock on its owner.
     *
     * @throws IamException NoSuchEntity for an unknown user; DuplicateSSHPublicKey when the user already has a key
     *     with this fingerprint; LimitExceeded past {@link io.sigil.iam.Limits#SSH_PUBLIC_KEYS_PER_USER}
     */
    SshKey create(SshKey key);

    /** By key id within the account. */
    Optional<SshKey> find(String accountId, String keyId);

    /** The user's keys, ordered by key id ("the keys are listed alphabetically by key ID", CodeCommit User Guide). */
    Page<SshKey> list(String accountId, String userId, PageRequest page);

    /** @throws IamException NoSuchEntity if the key is not in the account */
    SshKey updateStatus(String accountId, String keyId, AccessKeyStatus status);

    /** @throws IamException NoSuchEntity if the key is not in the account */
    void delete(String accountId, String keyId);

    /** AWS's text, as answered by GetSSHPublicKey, UpdateSSHPublicKey and DeleteSSHPublicKey. */
    static IamException noSuchKey(String keyId) {
        return IamException.noSuchEntity("The Public Key with id " + keyId + " cannot be found.");
    }
}
