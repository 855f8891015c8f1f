package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AssignmentStatus;
import io.sigil.iam.model.VirtualMfaDevice;
import java.time.Instant;
import java.util.Optional;

/**
 * Virtual MFA devices (spec §5.5). Seeds are sealed with AES-256-GCM bound to the device's serial number before
 * they reach the database and opened only by {@link #seed}. Serial numbers match case-insensitively, like IAM
 * names; a device name is unique in its account whatever its path.
 */
public interface MfaDeviceStore {

    /**
     * Stores a new unassigned device with its tags and sealed seed.
     *
     * @throws IamException EntityAlreadyExists "MFA device already exists." (AWS's words in LocalStack's
     *     AWS-validated snapshot test_iam_mfa);
     *     LimitExceeded past the account's virtual MFA device quota (the user quota) or 50 tags
     */
    VirtualMfaDevice create(VirtualMfaDevice device, byte[] seed);

    Optional<VirtualMfaDevice> find(String accountId, String serialNumber);

    default VirtualMfaDevice get(String accountId, String serialNumber) {
        return find(accountId, serialNumber).orElseThrow(() -> noSuchDevice(serialNumber));
    }

    /** Reads the device and locks its row, so that code checks and the writes that follow are atomic. */
    VirtualMfaDevice lock(String accountId, String serialNumber);

    /** The seed in clear, for code checks. */
    byte[] seed(String accountId, String serialNumber);

    /** ListVirtualMFADevices: by serial number (case-insensitive), filtered by assignment. */
    Page<VirtualMfaDevice> list(String accountId, AssignmentStatus status, PageRequest page);

    /** ListMFADevices of one user: the devices enabled for it, by serial number. */
    Page<VirtualMfaDevice> listForUser(String accountId, String userId, PageRequest page);

    /** How many devices are enabled for the user. */
    int countForUser(String userId);

    /**
     * Enables the device for the user with the learnt drift and the step of the newest accepted code.
     *
     * @throws IamException EntityAlreadyExists "MFA Device is already in use." if it is assigned; LimitExceeded
     *     past {@code MFA_DEVICES_PER_USER}
     */
    VirtualMfaDevice assign(String accountId, String serialNumber, String userId, Instant enableDate, int driftSteps,
            long lastUsedStep);

    /** Records an accepted code: its step and the drift it shows. */
    void recordUse(String accountId, String serialNumber, int driftSteps, long lastUsedStep);

    /** DeactivateMFADevice: the device becomes unassigned; its replay mark stays. */
    void unassign(String accountId, String serialNumber);

    /**
     * DeleteVirtualMFADevice.
     *
     * @throws IamException NoSuchEntity; DeleteConflict "MFA VirtualDevice in use. Must deactivate first."
     */
    void delete(String accountId, String serialNumber);

    static IamException noSuchDevice(String serialNumber) {
        return IamException.noSuchEntity("MFA Device with serial number " + serialNumber + " does not exist.");
    }
}
