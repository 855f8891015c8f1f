package io.sigil.store;

import static io.sigil.store.StoreAssertions.assertIamError;
import static io.sigil.store.StoreAssertions.race;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.ServiceSpecificCredential;
import io.sigil.iam.model.SigningCertificate;
import io.sigil.iam.model.SshKey;
import io.sigil.iam.model.User;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store suite for SSH public keys, signing certificates and service-specific credentials, run on every dialect
 * by {@link StoreContract} (as KeyStoreContract beside the passwords and MFA suite); server certificates are in
 * {@link ServerCertificateStoreContract}.
 */
interface KeyStoreContract {

    Store store();

    String account();

    Instant now();

    /** Fails if {@code secret} appears in clear in the row {@code id} of {@code table} (or anywhere in the file). */
    void assertRowKeepsNoClearText(String table, String id, String secret) throws Exception;

    private User newUser(String name) {
        return store().inTransaction(tx -> tx.users().create(User.create(account(), name, "/", Ids.userId(), now(),
                null, List.of())));
    }

    private SshKey sshKey(User owner, String fingerprint) {
        return new SshKey(account(), Ids.sshPublicKeyId(), owner.id(), owner.name(), "ssh-rsa AAAA " + fingerprint,
                fingerprint, AccessKeyStatus.ACTIVE, now());
    }

    private SigningCertificate cert(User owner) {
        return new SigningCertificate(account(), Ids.signingCertificateId(), owner == null ? null : owner.id(),
                owner == null ? null : owner.name(), "-----BEGIN CERTIFICATE-----", AccessKeyStatus.ACTIVE, now());
    }

    private ServiceSpecificCredential credential(User owner, String service, String userName) {
        return new ServiceSpecificCredential(account(), Ids.serviceSpecificCredentialId(), owner.id(), owner.name(),
                service, userName, null, AccessKeyStatus.ACTIVE, now(), null);
    }

    // ---- SSH public keys -------------------------------------------------------------------------------------

    @Test
    default void sshKeys_areListedByIdWithTheirOwnersName_andFoundOnlyInTheirAccount() {
        User u = newUser("ssh-owner");
        SshKey a = store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "aa")));
        SshKey b = store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "bb")));

        var listed = store().read(tx -> tx.sshKeys().list(account(), u.id(), PageRequest.first())).items();

        assertThat(listed).extracting(SshKey::id).containsExactlyElementsOf(
                a.id().compareTo(b.id()) < 0 ? List.of(a.id(), b.id()) : List.of(b.id(), a.id()));
        assertThat(listed).allSatisfy(k -> assertThat(k.userName()).isEqualTo("ssh-owner"));
        assertThat(a.uploadDate()).isEqualTo(now());
        Optional<SshKey> elsewhere = store().read(tx -> tx.sshKeys().find("000000000000", a.id()));
        assertThat(elsewhere).isEmpty();
    }

    @Test
    default void sshKeys_aSixthKeyOfAUserIsLimitExceeded_fiveIsTheQuota() {
        User u = newUser("five-keys");
        for (int i = 0; i < Limits.SSH_PUBLIC_KEYS_PER_USER; i++) {
            String fp = "fp" + i;
            store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, fp)));
        }
        assertIamError(() -> store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "sixth"))), "LimitExceeded",
                "Cannot exceed quota for SSHPublicKeysPerUser: 5");
    }

    @Test
    default void sshKeys_theSameKeyTwiceForOneUserIsDuplicate_butAnotherUserMayHoldIt() {
        User u = newUser("dup-ssh");
        User other = newUser("dup-ssh-other");
        store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "same")));

        assertIamError(() -> store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "same"))),
                "DuplicateSSHPublicKey", null);
        assertThat(store().inTransaction(tx -> tx.sshKeys().create(sshKey(other, "same"))).userId())
                .isEqualTo(other.id());
    }

    @Test
    default void sshKeys_racingUploadsPastTheQuota_exactlyOneOfTwoFits() throws Exception {
        User u = newUser("ssh-race");
        for (int i = 0; i < Limits.SSH_PUBLIC_KEYS_PER_USER - 1; i++) {
            String fp = "r" + i;
            store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, fp)));
        }
        List<Object> outcomes = race(2, i -> store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "x" + i))));
        assertThat(outcomes).filteredOn(SshKey.class::isInstance).hasSize(1);
        assertThat(store().read(tx -> tx.sshKeys().list(account(), u.id(), PageRequest.first())).items()).hasSize(5);
    }

    @Test
    default void sshKeys_updateStatusAndDelete_andAnUnknownIdIsAwsNotFoundText() {
        User u = newUser("ssh-upd");
        SshKey k = store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "u1")));

        SshKey updated = store().inTransaction(tx -> tx.sshKeys().updateStatus(account(), k.id(),
                AccessKeyStatus.INACTIVE));
        store().write(tx -> tx.sshKeys().delete(account(), k.id()));

        assertThat(updated.status()).isEqualTo(AccessKeyStatus.INACTIVE);
        assertIamError(() -> store().write(tx -> tx.sshKeys().delete(account(), k.id())), "NoSuchEntity",
                "The Public Key with id " + k.id() + " cannot be found.");
    }

    // ---- signing certificates --------------------------------------------------------------------------------

    @Test
    default void signingCertificates_ofTheRootAndOfAUser_areListedApart_andTwoIsTheQuota() {
        User u = newUser("signer");
        store().inTransaction(tx -> tx.signingCertificates().create(cert(null), "root-1"));
        store().inTransaction(tx -> tx.signingCertificates().create(cert(u), "user-1"));
        store().inTransaction(tx -> tx.signingCertificates().create(cert(u), "user-2"));

        assertIamError(() -> store().inTransaction(tx -> tx.signingCertificates().create(cert(u), "user-3")),
                "LimitExceeded", "Cannot exceed quota for CertificatesPerUser: 2");
        assertThat(store().read(tx -> tx.signingCertificates().list(account(), null, PageRequest.first())).items())
                .singleElement().satisfies(c -> assertThat(c.isRoot()).isTrue());
        assertThat(store().read(tx -> tx.signingCertificates().list(account(), u.id(), PageRequest.first())).items())
                .hasSize(2).allSatisfy(c -> assertThat(c.userName()).isEqualTo("signer"));
    }

    @Test
    default void signingCertificates_oneCertificateOncePerAccount_evenForAnotherUser() {
        User a = newUser("cert-a");
        User b = newUser("cert-b");
        store().inTransaction(tx -> tx.signingCertificates().create(cert(a), "same-digest"));

        assertIamError(() -> store().inTransaction(tx -> tx.signingCertificates().create(cert(b), "same-digest")),
                "DuplicateCertificate", null);
    }

    @Test
    default void signingCertificates_unknownIdIsAwsNotFoundText() {
        assertIamError(() -> store().write(tx -> tx.signingCertificates().delete(account(), "NONEXISTENTCERTID12345678901")),
                "NoSuchEntity", "The Certificate with id NONEXISTENTCERTID12345678901 cannot be found.");
    }

    // ---- service-specific credentials ------------------------------------------------------------------------

    @Test
    default void serviceCredentials_twoPerUserAndService_aThirdIsLimitExceeded_otherServicesAreCountedApart() {
        User u = newUser("git-user");
        store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                credential(u, "codecommit.amazonaws.com", "git-user-at-" + account()), "h1"));
        store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                credential(u, "codecommit.amazonaws.com", "git-user+1-at-" + account()), "h2"));

        assertIamError(() -> store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                        credential(u, "codecommit.amazonaws.com", "x"), "h3")), "LimitExceeded",
                "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2");
        store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                credential(u, "cassandra.amazonaws.com", "git-user-at-" + account()), "h4"));
        assertThat(store().read(tx -> tx.serviceSpecificCredentials().list(account(), u.id(),
                "codecommit.amazonaws.com", PageRequest.first())).items()).hasSize(2);
        assertThat(store().read(tx -> tx.serviceSpecificCredentials().list(account(), null, null,
                PageRequest.first())).items()).hasSize(3);
    }

    @Test
    default void serviceCredentials_resetReplacesTheHash_statusUpdates_andDeleteForgets() {
        User u = newUser("ks-user");
        ServiceSpecificCredential c = store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                credential(u, "cassandra.amazonaws.com", "ks-user-at-" + account()), "old-hash"));

        store().inTransaction(tx -> tx.serviceSpecificCredentials().resetSecret(account(), c.id(), "new-hash"));
        var inactive = store().inTransaction(tx -> tx.serviceSpecificCredentials().updateStatus(account(), c.id(),
                AccessKeyStatus.INACTIVE));

        Optional<String> hash = store().read(tx -> tx.serviceSpecificCredentials().secretHash(account(), c.id()));
        assertThat(hash).contains("new-hash");
        assertThat(inactive.status()).isEqualTo(AccessKeyStatus.INACTIVE);
        assertThat(inactive.serviceUserName()).isEqualTo("ks-user-at-" + account());
        store().write(tx -> tx.serviceSpecificCredentials().delete(account(), c.id()));
        assertIamError(() -> store().write(tx -> tx.serviceSpecificCredentials().delete(account(), c.id())),
                "NoSuchEntity", "No such credential " + c.id() + " exists");
    }

    @Test
    default void serviceCredentials_theSecretHashIsAllTheRowKeeps() throws Exception {
        User u = newUser("hash-only");
        String password = "ClearTextPasswordThatMustNotBeStored0000000000000000000000=";
        ServiceSpecificCredential c = store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                credential(u, "codecommit.amazonaws.com", "hash-only-at-" + account()),
                new io.sigil.iam.crypto.Pbkdf2Passwords(1_000).hash(password)));

        assertRowKeepsNoClearText("service_specific_credentials", c.id(), password);
    }

    // ---- DeleteUser ------------------------------------------------------------------------------------------

    @Test
    default void deleteUser_isRefusedWhileTheUserHoldsSigningCertificatesSshKeysOrServiceCredentials_inThatOrder() {
        User u = newUser("holder");
        store().inTransaction(tx -> tx.signingCertificates().create(cert(u), "holder-cert"));
        SshKey key = store().inTransaction(tx -> tx.sshKeys().create(sshKey(u, "holder-key")));
        ServiceSpecificCredential c = store().inTransaction(tx -> tx.serviceSpecificCredentials().create(
                credential(u, "codecommit.amazonaws.com", "holder-at-" + account()), "h"));

        assertIamError(() -> store().write(tx -> tx.users().delete(account(), "holder")), "DeleteConflict",
                "Cannot delete entity, must delete signing certificates first.");
        String certId = store().read(tx -> tx.signingCertificates().list(account(), u.id(), PageRequest.first()))
                .items().get(0).id();
        store().write(tx -> tx.signingCertificates().delete(account(), certId));
        assertIamError(() -> store().write(tx -> tx.users().delete(account(), "holder")), "DeleteConflict",
                "Cannot delete entity, must remove referenced objects first.");
        store().write(tx -> tx.sshKeys().delete(account(), key.id()));
        assertIamError(() -> store().write(tx -> tx.users().delete(account(), "holder")), "DeleteConflict",
                "Cannot delete entity, must remove referenced objects first.");
        store().write(tx -> tx.serviceSpecificCredentials().delete(account(), c.id()));
        store().write(tx -> tx.users().delete(account(), "holder"));
        Optional<User> gone = store().read(tx -> tx.users().find(account(), "holder"));
        assertThat(gone).isEmpty();
    }
}
