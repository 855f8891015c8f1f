package io.sigil.iam.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A virtual MFA device (API Reference, "VirtualMFADevice"; spec §5.5): an account-level entity whose serial number
 * is its ARN, {@code arn:aws:iam::ACCOUNT:mfa/PATH/NAME}. Its TOTP seed is not part of this record: the store keeps
 * it sealed (AES-GCM) and opens it only for code checks.
 *
 * @param user the IAM user the device is enabled for, or null while unassigned
 * @param enableDate when it was enabled for {@code user}, or null
 * @param tags in key order (case-insensitive)
 * @param driftSteps the device clock's offset from ours in 30-second steps, learnt at enable and resync (RFC 6238
 *     §6) and kept up to date by each accepted code
 * @param lastUsedStep the newest step whose code was accepted, or null: no code of that step or an older one is
 *     accepted again (RFC 6238 §5.2)
 */
public record VirtualMfaDevice(
        String accountId,
        String serialNumber,
        String name,
        String path,
        Instant createDate,
        User user,
        Instant enableDate,
        List<Tag> tags,
        int driftSteps,
        Long lastUsedStep) {

    public VirtualMfaDevice {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** A device about to be created: unassigned, in sync, never used. */
    public static VirtualMfaDevice create(String accountId, String name, String path, Instant now, List<Tag> tags) {
        return new VirtualMfaDevice(accountId, io.sigil.iam.Arns.mfa(accountId, path, name), name, path, now, null,
                null, tags, 0, null);
    }

    public boolean isAssigned() {
        return user != null;
    }
}
