package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.ServiceSpecificCredential;
import java.util.Optional;

/**
 * Service-specific credentials of IAM users (IAM API Reference: CreateServiceSpecificCredential and the other
 * service-specific credential operations). Passwords and API-key secrets are kept only as slow salted hashes.
 */
public interface ServiceSpecificCredentialStore {

    /**
     * Stores a new credential under a lock on its owner.
     *
     * @param secretHash the hash of its password or secret ({@link io.sigil.iam.crypto.Pbkdf2Passwords})
     * @throws IamException NoSuchEntity for an unknown user; LimitExceeded past
     *     {@link io.sigil.iam.Limits#SERVICE_SPECIFIC_CREDENTIALS_PER_USER_PER_SERVICE} for the user and service
     */
    ServiceSpecificCredential create(ServiceSpecificCredential credential, String secretHash);

    Optional<ServiceSpecificCredential> find(String accountId, String credentialId);

    /**
     * The credentials of a user ({@code userId} null: of every user in the account), optionally of one service,
     * ordered by credential id.
     */
    Page<ServiceSpecificCredential> list(String accountId, String userId, String serviceName, PageRequest page);

    /** @throws IamException NoSuchEntity if the credential is not in the account */
    ServiceSpecificCredential updateStatus(String accountId, String credentialId, AccessKeyStatus status);

    /** Replaces the secret's hash ("Resetting the password immediately invalidates the previous password"). */
    ServiceSpecificCredential resetSecret(String accountId, String credentialId, String secretHash);

    /** The stored hash, for verifying a password a service presents. */
    Optional<String> secretHash(String accountId, String credentialId);

    /** @throws IamException NoSuchEntity if the credential is not in the account */
    void delete(String accountId, String credentialId);

    static IamException noSuchCredential(String credentialId) {
        return IamException.noSuchEntity("No such credential " + credentialId + " exists");
    }
}
