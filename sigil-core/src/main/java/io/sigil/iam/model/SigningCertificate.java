package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An X.509 signing certificate of an IAM user or of the account's root user (API Reference, "SigningCertificate";
 * spec §1.8). Listed with its body; there is no private half.
 *
 * @param id the certificate id, unique across accounts
 * @param userId the owner's unique id, or null for the account's root user
 * @param userName the owner's current name, or null for the root user
 * @param body the PEM as uploaded
 */
public record SigningCertificate(
        String accountId,
        String id,
        String userId,
        String userName,
        String body,
        AccessKeyStatus status,
        Instant uploadDate) {

    public SigningCertificate {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(uploadDate, "uploadDate");
    }

    public boolean isRoot() {
        return userId == null;
    }
}
