package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.model.AssignmentStatus;
import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.model.VirtualMfaDevice;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store suite for login profiles, password history, the account password policy and virtual MFA devices
 * (migration V4): default test methods that every dialect's {@link StoreContract} subclass runs.
 */
interface CredentialStoreContract {

    String HASH = "$pbkdf2-sha256$v=1$i=1000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    Store store();

    String account();

    Instant now();

    /** Another store on the same database, with other quotas. */
    Store openWith(Limits limits);

    /** Fails if the seed of the device can be found in clear (or as hex) where the store keeps devices. */
    void assertMfaSeedNotStoredInClear(String serialNumber, byte[] seed) throws Exception;

    private User newUser(String name) {
        return store().inTransaction(tx -> tx.users().create(User.create(account(), name, "/", Ids.userId(), now(),
                null, List.of())));
    }

    private VirtualMfaDevice newDevice(Store s, String name, String path, Tag... tags) {
        return s.inTransaction(tx -> tx.mfaDevices().create(VirtualMfaDevice.create(account(), name, path, now(),
                List.of(tags)), ("seed-of-" + name).getBytes()));
    }

    @Test
    default void loginProfile_isCreatedOncePerUser_readUpdatedAndDeleted_andFollowsARename() {
        User u = newUser("Ann");
        LoginProfile created = store().inTransaction(tx -> tx.loginProfiles().create(
                LoginProfile.create(u, HASH, now(), true)));
        assertThat(created.userName()).isEqualTo("Ann");
        assertThat(created.passwordResetRequired()).isTrue();
        assertThat(created.passwordHash()).isEqualTo(HASH);
        assertIamError(() -> store().inTransaction(tx -> tx.loginProfiles().create(
                LoginProfile.create(u, HASH, now(), false))), "EntityAlreadyExists",
                "Login Profile for user Ann already exists.");

        store().write(tx -> tx.loginProfiles().update(created.withPassword(HASH + "x", now().plusSeconds(5), false)));
        store().write(tx -> tx.users().update(tx.users().get(account(), "Ann").renamed("Anne", "/")));
        LoginProfile read = store().read(tx -> tx.loginProfiles().find(u.id())).orElseThrow();
        assertThat(read.userName()).isEqualTo("Anne");
        assertThat(read.passwordHash()).isEqualTo(HASH + "x");
        assertThat(read.createDate()).isEqualTo(created.createDate());
        assertThat(read.passwordSetDate()).isEqualTo(now().plusSeconds(5));
        assertThat(read.passwordResetRequired()).isFalse();
        assertIamError(() -> store().write(tx -> tx.loginProfiles().update(created)), "ConcurrentModification", null);

        assertThat(store().<Boolean>inTransaction(tx -> tx.loginProfiles().delete(u.id()))).isTrue();
        assertThat(store().<Boolean>inTransaction(tx -> tx.loginProfiles().delete(u.id()))).isFalse();
    }

    @Test
    default void failuresAndLockout_areRecorded_andASuccessClearsThemAndSetsPasswordLastUsed() {
        User u = newUser("Guess");
        store().write(tx -> tx.loginProfiles().create(LoginProfile.create(u, HASH, now(), false)));
        store().write(tx -> tx.loginProfiles().recordFailure(u.id(), 5, now().plusSeconds(900)));
        LoginProfile locked = store().read(tx -> tx.loginProfiles().find(u.id())).orElseThrow();
        assertThat(locked.failedAttempts()).isEqualTo(5);
        assertThat(locked.isLocked(now())).isTrue();
        assertThat(locked.isLocked(now().plusSeconds(900))).isFalse();

        store().write(tx -> tx.loginProfiles().recordSuccess(u.id(), now().plusSeconds(1000)));
        LoginProfile cleared = store().read(tx -> tx.loginProfiles().find(u.id())).orElseThrow();
        assertThat(cleared.failedAttempts()).isZero();
        assertThat(cleared.lockedUntil()).isNull();
        assertThat(store().read(tx -> tx.users().get(account(), "Guess")).passwordLastUsed())
                .isEqualTo(now().plusSeconds(1000));
    }

    @Test
    default void passwordHistory_keepsTheNewest24_newestFirst_andOutlivesTheLoginProfile() {
        User u = newUser("Hist");
        for (int i = 1; i <= 26; i++) {
            int n = i;
            store().write(tx -> tx.loginProfiles().remember(u.id(), "h" + n, now()));
        }
        List<String> all = store().read(tx -> tx.loginProfiles().history(u.id(), 100));
        assertThat(all).hasSize(24).startsWith("h26", "h25").endsWith("h3");
        assertThat(store().<List<String>>read(tx -> tx.loginProfiles().history(u.id(), 3))).containsExactly("h26", "h25", "h24");
    }

    @Test
    default void deleteUser_refusesWhileItHasALoginProfile_thenCascadesItsHistory() {
        User u = newUser("Del");
        store().write(tx -> tx.loginProfiles().create(LoginProfile.create(u, HASH, now(), false)));
        store().write(tx -> tx.loginProfiles().remember(u.id(), HASH, now()));
        assertIamError(() -> store().write(tx -> tx.users().delete(account(), "Del")), "DeleteConflict",
                "Cannot delete entity, must delete login profile first.");
        store().write(tx -> tx.loginProfiles().delete(u.id()));
        store().write(tx -> tx.users().delete(account(), "Del"));
        assertThat(store().<List<String>>read(tx -> tx.loginProfiles().history(u.id(), 24))).isEmpty();
    }

    @Test
    default void passwordPolicy_isPutReplacedAndDeleted_keepingAnAbsentHardExpiryAbsent() {
        assertThat(store().<Optional<PasswordPolicy>>read(tx -> tx.passwordPolicies().find(account()))).isEmpty();
        PasswordPolicy full = new PasswordPolicy(14, true, true, true, true, true, 90, 24, false);
        store().write(tx -> tx.passwordPolicies().put(account(), full));
        assertThat(store().<Optional<PasswordPolicy>>read(tx -> tx.passwordPolicies().find(account()))).contains(full);
        store().write(tx -> tx.passwordPolicies().put(account(), PasswordPolicy.DEFAULTS));
        assertThat(store().<Optional<PasswordPolicy>>read(tx -> tx.passwordPolicies().find(account()))).contains(PasswordPolicy.DEFAULTS);
        assertThat(store().<Boolean>inTransaction(tx -> tx.passwordPolicies().delete(account()))).isTrue();
        assertThat(store().<Boolean>inTransaction(tx -> tx.passwordPolicies().delete(account()))).isFalse();
    }

    @Test
    default void mfaDevice_isFoundBySerialInAnyCase_withPathTagsAndItsSeed() {
        VirtualMfaDevice d = newDevice(store(), "Phone", "/team/", new Tag("b", "2"), new Tag("A", "1"));
        assertThat(d.serialNumber()).isEqualTo("arn:aws:iam::" + account() + ":mfa/team/Phone");
        VirtualMfaDevice found = store().read(tx -> tx.mfaDevices().get(account(), d.serialNumber().toUpperCase()
                .replace("ARN:AWS:IAM", "arn:aws:iam")));
        assertThat(found.serialNumber()).isEqualTo(d.serialNumber());
        assertThat(found.tags()).containsExactly(new Tag("A", "1"), new Tag("b", "2"));
        assertThat(found.isAssigned()).isFalse();
        assertThat(store().<byte[]>read(tx -> tx.mfaDevices().seed(account(), d.serialNumber())))
                .isEqualTo("seed-of-Phone".getBytes());
        assertIamError(() -> store().read(tx -> tx.mfaDevices().get(account(), "arn:aws:iam::" + account()
                + ":mfa/none")), "NoSuchEntity", "MFA Device with serial number arn:aws:iam::" + account()
                + ":mfa/none does not exist.");
    }

    @Test
    default void mfaDeviceNames_areUniqueInAnyCaseAndPath() {
        newDevice(store(), "Token", "/");
        assertIamError(() -> newDevice(store(), "TOKEN", "/other/"), "EntityAlreadyExists",
                "MFA device already exists.");
    }

    @Test
    default void virtualMfaDevicesPerAccount_followTheUserQuota() {
        Store two = openWith(Limits.AWS_DEFAULTS.withUsersPerAccount(2));
        newDevice(two, "q1", "/");
        newDevice(two, "q2", "/");
        assertIamError(() -> newDevice(two, "q3", "/"), "LimitExceeded",
                "Cannot exceed quota for VirtualMFADevicesPerAccount: 2");
    }

    @Test
    default void assign_listsTheDeviceForItsUser_andFiltersByAssignment_andUnassignFreesIt() {
        User u = newUser("Carol");
        VirtualMfaDevice a = newDevice(store(), "a-dev", "/");
        VirtualMfaDevice b = newDevice(store(), "b-dev", "/");
        store().write(tx -> tx.mfaDevices().assign(account(), a.serialNumber(), u.id(), now(), -1, 42L));

        VirtualMfaDevice assigned = store().read(tx -> tx.mfaDevices().get(account(), a.serialNumber()));
        assertThat(assigned.user().name()).isEqualTo("Carol");
        assertThat(assigned.enableDate()).isEqualTo(now());
        assertThat(assigned.driftSteps()).isEqualTo(-1);
        assertThat(assigned.lastUsedStep()).isEqualTo(42L);
        assertThat(serials(AssignmentStatus.ASSIGNED)).containsExactly(a.serialNumber());
        assertThat(serials(AssignmentStatus.UNASSIGNED)).containsExactly(b.serialNumber());
        assertThat(serials(AssignmentStatus.ANY)).containsExactly(a.serialNumber(), b.serialNumber());
        assertThat(store().read(tx -> tx.mfaDevices().listForUser(account(), u.id(), PageRequest.first())).items())
                .extracting(VirtualMfaDevice::serialNumber).containsExactly(a.serialNumber());
        assertIamError(() -> store().write(tx -> tx.mfaDevices().assign(account(), a.serialNumber(), u.id(), now(),
                0, 43L)), "EntityAlreadyExists", "MFA Device is already in use.");
        assertIamError(() -> store().write(tx -> tx.users().delete(account(), "Carol")), "DeleteConflict",
                "Cannot delete entity, must delete MFA device first.");

        store().write(tx -> tx.mfaDevices().unassign(account(), a.serialNumber()));
        VirtualMfaDevice freed = store().read(tx -> tx.mfaDevices().get(account(), a.serialNumber()));
        assertThat(freed.isAssigned()).isFalse();
        assertThat(freed.lastUsedStep()).as("the replay mark stays").isEqualTo(42L);
        store().write(tx -> tx.users().delete(account(), "Carol"));
    }

    @Test
    default void assign_allowsEightDevicesPerUser_andRefusesTheNinth() {
        User u = newUser("Dave");
        for (int i = 1; i <= Limits.MFA_DEVICES_PER_USER; i++) {
            VirtualMfaDevice d = newDevice(store(), "d" + i, "/");
            store().write(tx -> tx.mfaDevices().assign(account(), d.serialNumber(), u.id(), now(), 0, 1L));
            int n = i;
            assertThat(store().<Integer>read(tx -> tx.mfaDevices().countForUser(u.id()))).isEqualTo(n);
        }
        VirtualMfaDevice ninth = newDevice(store(), "d9", "/");
        assertIamError(() -> store().write(tx -> tx.mfaDevices().assign(account(), ninth.serialNumber(), u.id(),
                now(), 0, 1L)), "LimitExceeded", "Cannot exceed quota for MFADevicesPerUser: 8");
    }

    @Test
    default void delete_refusesAnAssignedDevice_andTakesItsTagsWithIt() {
        User u = newUser("Erin");
        VirtualMfaDevice d = newDevice(store(), "e-dev", "/", new Tag("k", "v"));
        store().write(tx -> tx.mfaDevices().assign(account(), d.serialNumber(), u.id(), now(), 0, 1L));
        assertIamError(() -> store().write(tx -> tx.mfaDevices().delete(account(), d.serialNumber())),
                "DeleteConflict", "MFA VirtualDevice in use. Must deactivate first.");
        store().write(tx -> tx.mfaDevices().unassign(account(), d.serialNumber()));
        store().write(tx -> tx.mfaDevices().delete(account(), d.serialNumber()));
        assertThat(store().<Optional<VirtualMfaDevice>>read(tx -> tx.mfaDevices().find(account(), d.serialNumber()))).isEmpty();
        VirtualMfaDevice again = newDevice(store(), "e-dev", "/");
        assertThat(store().read(tx -> tx.tags().list(account(), TaggableKind.MFA_DEVICE, again.serialNumber(),
                PageRequest.first())).items()).isEmpty();
    }

    @Test
    default void listVirtual_pagesBySerialNumber() {
        for (String n : new String[] {"p3", "p1", "p2"}) {
            newDevice(store(), n, "/");
        }
        Page<VirtualMfaDevice> first = store().read(tx -> tx.mfaDevices().list(account(), AssignmentStatus.ANY,
                PageRequest.of(2)));
        assertThat(first.items()).extracting(VirtualMfaDevice::name).containsExactly("p1", "p2");
        Page<VirtualMfaDevice> second = store().read(tx -> tx.mfaDevices().list(account(), AssignmentStatus.ANY,
                PageRequest.of(2).after(first.nextMarker())));
        assertThat(second.items()).extracting(VirtualMfaDevice::name).containsExactly("p3");
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    default void seeds_areNotStoredInClear() throws Exception {
        VirtualMfaDevice d = newDevice(store(), "clear-check", "/");
        assertMfaSeedNotStoredInClear(d.serialNumber(), "seed-of-clear-check".getBytes());
    }

    private List<String> serials(AssignmentStatus status) {
        List<String> out = new ArrayList<>();
        store().read(tx -> tx.mfaDevices().list(account(), status, PageRequest.first())).items()
                .forEach(d -> out.add(d.serialNumber()));
        return out;
    }
}
