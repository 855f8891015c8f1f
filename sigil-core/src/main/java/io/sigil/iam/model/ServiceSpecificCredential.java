package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A service-specific credential of an IAM user (API Reference, "ServiceSpecificCredential"; spec §1.8): a generated
 * user name and password for CodeCommit or Amazon Keyspaces, or an API key (alias and secret) for Amazon Bedrock or
 * CloudWatch Logs. The password or secret is not part of this record: the store keeps only a slow salted hash.
 *
 * @param id {@code ACCA…}
 * @param serviceUserName for user-name-and-password services, like {@code jane-at-123456789012}; else null
 * @param serviceCredentialAlias for API keys, the public part; else null
 * @param status the stored status; {@link #statusAt} tells whether it has expired
 * @param expirationDate for API keys created with CredentialAgeDays; else null
 */
public record ServiceSpecificCredential(
        String accountId,
        String id,
        String userId,
        String userName,
        String serviceName,
        String serviceUserName,
        String serviceCredentialAlias,
        AccessKeyStatus status,
        Instant createDate,
        Instant expirationDate) {

    public ServiceSpecificCredential {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** Whether the credential has passed its expiration date at {@code now} (the API then reports {@code Expired}). */
    public boolean expiredAt(Instant now) {
        return expirationDate != null && !now.isBefore(expirationDate);
    }

    /** The status as the API reports it at {@code now}: {@code Expired} once past the expiration date. */
    public String statusAt(Instant now) {
        return expiredAt(now) ? "Expired" : status.wire();
    }
}
