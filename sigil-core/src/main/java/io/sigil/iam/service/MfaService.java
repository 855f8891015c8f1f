package io.sigil.iam.service;

import io.sigil.iam.Limits;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.Base32;
import io.sigil.iam.crypto.Totp;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AssignmentStatus;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.model.VirtualMfaDevice;
import io.sigil.iam.service.internal.QrCodePng;
import io.sigil.iam.store.MfaDeviceStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Virtual MFA devices (IAM API Reference: CreateVirtualMFADevice, EnableMFADevice, ResyncMFADevice,
 * DeactivateMFADevice, DeleteVirtualMFADevice, ListMFADevices, ListVirtualMFADevices, GetMFADevice, TagMFADevice,
 * UntagMFADevice, ListMFADeviceTags; spec §5.5). Codes are RFC 6238 TOTP, checked as {@link MfaCodes} says.
 *
 * <p>Errors with AWS's texts (recorded from AWS in LocalStack's validated snapshot tests, test_iam_mfa): NoSuchEntity
 * "MFA Device with serial number X does not exist."; EntityAlreadyExists "MFA device already exists." (create, as
 * recorded 17-02-2026; older answers, quoted in CloudTrail events and by users, said "MFADevice entity at the same
 * path and name already exists.") and "MFA Device is already in use." (enable); InvalidAuthenticationCode
 * "Authentication code for device is not valid."
 * (AWS's text as users quote it). DeleteConflict "MFA VirtualDevice in use. Must deactivate first." is the text of
 * an IAM-compatible implementation's test suite; AWS's own is unverified. LimitExceeded "Cannot exceed quota for
 * MFADevicesPerUser: 8" is Sigil's wording of the quota in AWS's style.
 */
public final class MfaService {

    /** 40 random bytes: a 64-character Base32StringSeed, the length of IAM's seeds. */
    public static final int SEED_BYTES = 40;
    static final String INVALID_CODE = "Authentication code for device is not valid.";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What CreateVirtualMFADevice shows once: the seed in base32 and as a QR code. */
    public record CreatedDevice(VirtualMfaDevice device, String base32StringSeed, byte[] qrCodePng) {
        @Override
        public String toString() {
            return "CreatedDevice[" + device.serialNumber() + "]";
        }
    }

    private final Store store;
    private final Clock clock;

    public MfaService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * CreateVirtualMFADevice: a new unassigned device under {@code path} (default {@code /}) with a fresh seed,
     * returned with the QR code of {@code otpauth://totp/NAME@ACCOUNT?secret=SEED} ("AccountName is the user name if
     * set (otherwise, the account ID otherwise)": a new device has no user).
     */
    public CreatedDevice create(String accountId, String name, String path, List<Tag> tags) {
        List<Tag> tagList = List.copyOf(tags == null ? List.of() : tags);
        TagRules.requireNoReservedPrefix(tagList);
        byte[] seed = new byte[SEED_BYTES];
        RANDOM.nextBytes(seed);
        VirtualMfaDevice device = VirtualMfaDevice.create(accountId, name, path == null ? "/" : path, now(), tagList);
        VirtualMfaDevice created = store.inTransaction(tx -> tx.mfaDevices().create(device, seed));
        String base32 = Base32.encode(seed);
        String uri = "otpauth://totp/" + name + "@" + accountId + "?secret=" + base32;
        return new CreatedDevice(created, base32, QrCodePng.of(uri));
    }

    /** EnableMFADevice: checks the user, the device, its assignment, the user's quota, then the two codes. */
    public void enable(String accountId, String userName, String serialNumber, String code1, String code2) {
        store.write(tx -> {
            User user = tx.users().lock(accountId, userName);
            VirtualMfaDevice device = tx.mfaDevices().lock(accountId, serialNumber);
            if (device.isAssigned()) {
                throw IamException.entityAlreadyExists("MFA Device is already in use.");
            }
            if (tx.mfaDevices().countForUser(user.id()) >= Limits.MFA_DEVICES_PER_USER) {
                throw IamException.quotaExceeded("MFADevicesPerUser", Limits.MFA_DEVICES_PER_USER);
            }
            long nowStep = Totp.step(clock.instant());
            long step = pair(tx, device, code1, code2, nowStep);
            tx.mfaDevices().assign(accountId, device.serialNumber(), user.id(), now(), (int) (step - nowStep), step);
        });
    }

    /** ResyncMFADevice: two new consecutive codes of a device enabled for the user set its drift afresh. */
    public void resync(String accountId, String userName, String serialNumber, String code1, String code2) {
        store.write(tx -> {
            User user = tx.users().get(accountId, userName);
            VirtualMfaDevice device = assignedTo(tx, accountId, serialNumber, user);
            long nowStep = Totp.step(clock.instant());
            long step = pair(tx, device, code1, code2, nowStep);
            tx.mfaDevices().recordUse(accountId, device.serialNumber(), (int) (step - nowStep), step);
        });
    }

    /** DeactivateMFADevice: the device, enabled for the user (the caller when none is named), becomes unassigned. */
    public void deactivate(Principal caller, String userName, String serialNumber) {
        store.write(tx -> {
            User user = user(tx, caller, userName);
            VirtualMfaDevice device = assignedTo(tx, caller.accountId(), serialNumber, user);
            tx.mfaDevices().unassign(caller.accountId(), device.serialNumber());
        });
    }

    /** DeleteVirtualMFADevice: only an unassigned device ("You must deactivate a user's virtual MFA device"). */
    public void delete(String accountId, String serialNumber) {
        store.write(tx -> tx.mfaDevices().delete(accountId, serialNumber));
    }

    /**
     * ListMFADevices: the devices enabled for the named user, or for the caller ("IAM determines the user name
     * implicitly based on the Amazon Web Services access key ID signing the request"). The root user has none in
     * Sigil: root MFA is managed in the console only.
     */
    public Page<VirtualMfaDevice> listForUser(Principal caller, String userName, PageRequest page) {
        return store.read(tx -> {
            if (userName == null && caller.isRoot()) {
                return new Page<VirtualMfaDevice>(List.of(), null);
            }
            User user = user(tx, caller, userName);
            return tx.mfaDevices().listForUser(caller.accountId(), user.id(), page);
        });
    }

    /** ListVirtualMFADevices: "If you do not specify an AssignmentStatus, the operation defaults to Any". */
    public Page<VirtualMfaDevice> listVirtual(String accountId, AssignmentStatus status, PageRequest page) {
        return store.read(tx -> tx.mfaDevices().list(accountId, status == null ? AssignmentStatus.ANY : status,
                page));
    }

    /**
     * GetMFADevice. The reference says "For this API, we only accept FIDO security key ARNs"; Sigil has no FIDO
     * keys, so it answers for its virtual devices: one enabled for the named user (the caller when none is named).
     */
    public VirtualMfaDevice get(Principal caller, String userName, String serialNumber) {
        return store.read(tx -> assignedTo(tx, caller.accountId(), serialNumber, user(tx, caller, userName)));
    }

    public void tag(String accountId, String serialNumber, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> tx.tags().tag(accountId, TaggableKind.MFA_DEVICE, serialNumber, List.copyOf(tags)));
    }

    public void untag(String accountId, String serialNumber, List<String> keys) {
        store.write(tx -> tx.tags().untag(accountId, TaggableKind.MFA_DEVICE, serialNumber, List.copyOf(keys)));
    }

    public Page<Tag> listTags(String accountId, String serialNumber, PageRequest page) {
        return store.read(tx -> tx.tags().list(accountId, TaggableKind.MFA_DEVICE, serialNumber, page));
    }

    /** What a check of one code found. */
    public enum Check {
        ACCEPTED,
        /** No such device in the account, or not enabled for this user. */
        UNKNOWN_DEVICE,
        /** A wrong, stale or replayed code. */
        INVALID_CODE
    }

    /**
     * Checks one code of a device enabled for the user and, when it is accepted, remembers its step so that it is
     * not accepted again: for sign-in ({@link PasswordVerifier}) and for STS's SerialNumber and TokenCode.
     *
     * @return false for an unknown device, one not enabled for this user, or a wrong, stale or replayed code
     */
    public boolean verify(String accountId, String userId, String serialNumber, String code) {
        return check(accountId, userId, serialNumber, code) == Check.ACCEPTED;
    }

    /** {@link #verify}, telling an unknown device from a bad code. */
    public Check check(String accountId, String userId, String serialNumber, String code) {
        return store.inTransaction(tx -> {
            VirtualMfaDevice device = tx.mfaDevices().find(accountId, serialNumber).orElse(null);
            if (device == null || !device.isAssigned() || !device.user().id().equals(userId)) {
                return Check.UNKNOWN_DEVICE;
            }
            if (code == null || !code.matches("[0-9]{6}")) {
                return Check.INVALID_CODE;
            }
            device = tx.mfaDevices().lock(accountId, serialNumber);
            long nowStep = Totp.step(clock.instant());
            OptionalLong step = MfaCodes.single(tx.mfaDevices().seed(accountId, serialNumber), code, nowStep, device);
            if (step.isEmpty()) {
                return Check.INVALID_CODE;
            }
            tx.mfaDevices().recordUse(accountId, device.serialNumber(), (int) (step.getAsLong() - nowStep),
                    step.getAsLong());
            return Check.ACCEPTED;
        });
    }

    /**
     * The check STS makes for GetSessionToken and AssumeRole with SerialNumber and TokenCode (the shape of
     * {@code io.sigil.iam.sts.MfaVerifier}): the device must be enabled for the calling IAM user ("associated with
     * this user"); a root user, a role session or a federated user has none. Failures are AccessDenied with STS's
     * texts.
     *
     * @return {@code now}, the session's MFA authentication time
     */
    public Instant verifyForSession(Principal caller, String serialNumber, String tokenCode, Instant now) {
        Check c = caller.isIamUser() && serialNumber != null
                ? check(caller.accountId(), caller.user().id(), serialNumber, tokenCode) : Check.UNKNOWN_DEVICE;
        return switch (c) {
            case ACCEPTED -> now;
            case UNKNOWN_DEVICE -> throw IamException.accessDenied(io.sigil.iam.sts.MfaVerifier.UNKNOWN_DEVICE);
            case INVALID_CODE -> throw IamException.accessDenied(io.sigil.iam.sts.MfaVerifier.INVALID_CODE);
        };
    }

    /** The serial numbers of the devices enabled for a user, for the sign-in page's second step. */
    public List<String> serialNumbersOf(String accountId, String userId) {
        return store.read(tx -> tx.mfaDevices().listForUser(accountId, userId, PageRequest.of(PageRequest.MAX_MAX_ITEMS))
                .items().stream().map(VirtualMfaDevice::serialNumber).toList());
    }

    private static long pair(Tx tx, VirtualMfaDevice device, String code1, String code2, long nowStep) {
        byte[] seed = tx.mfaDevices().seed(device.accountId(), device.serialNumber());
        return MfaCodes.consecutivePair(seed, code1, code2, nowStep, device.lastUsedStep())
                .orElseThrow(() -> new IamException(ErrorCode.INVALID_AUTHENTICATION_CODE, INVALID_CODE));
    }

    private static VirtualMfaDevice assignedTo(Tx tx, String accountId, String serialNumber, User user) {
        return tx.mfaDevices().find(accountId, serialNumber)
                .filter(d -> d.isAssigned() && d.user().id().equals(user.id()))
                .orElseThrow(() -> MfaDeviceStore.noSuchDevice(serialNumber));
    }

    private static User user(Tx tx, Principal caller, String userName) {
        return userName != null ? tx.users().get(caller.accountId(), userName) : LoginProfileService.self(tx, caller);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
