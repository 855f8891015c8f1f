package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An IAM user's SSH public key for CodeCommit (API Reference, "SSHPublicKey"; spec §1.8). The body is kept as it was
 * uploaded: GetSSHPublicKey returns it as such when asked for the encoding it came in.
 *
 * @param id {@code APKA…}, unique across accounts
 * @param fingerprint the MD5 fingerprint of the key blob, colon-separated hex
 * @param userName the owner's current name
 */
public record SshKey(
        String accountId,
        String id,
        String userId,
        String userName,
        String body,
        String fingerprint,
        AccessKeyStatus status,
        Instant uploadDate) {

    public SshKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(uploadDate, "uploadDate");
    }
}
