package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.pki.TestPki;
import io.sigil.server.testing.SigilTestServer;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DuplicateSshPublicKeyException;
import software.amazon.awssdk.services.iam.model.EncodingType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.InvalidPublicKeyException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SSHPublicKey;
import software.amazon.awssdk.services.iam.model.SSHPublicKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UnrecognizedPublicKeyEncodingException;

/**
 * The SSH public key operations through the AWS SDK for Java v2 (IAM API Reference: UploadSSHPublicKey,
 * GetSSHPublicKey, ListSSHPublicKeys, UpdateSSHPublicKey, DeleteSSHPublicKey); spec §10 H77 (a sixth key fails) and
 * H85 (1024-bit RSA fails, 2048 succeeds, a non-OpenSSH format fails).
 */
class SshPublicKeysSdkTest {

    private static final KeyPair KEY_2048 = TestPki.sharedRsa(2048);
    private static SigilTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        iam = server.rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    private static SSHPublicKey upload(String user, String body) {
        return iam.uploadSSHPublicKey(r -> r.userName(user).sshPublicKeyBody(body)).sshPublicKey();
    }

    @Test
    void upload_of2048BitSshRsa_answersAnActiveApkaKeyWithItsMd5FingerprintAndBody() {
        Entities.user(server, "ssh-alice");
        String body = TestPki.openSsh(KEY_2048, "alice@laptop");

        SSHPublicKey key = upload("ssh-alice", body);

        assertThat(key.userName()).isEqualTo("ssh-alice");
        assertThat(key.sshPublicKeyId()).matches("APKA[A-Z2-7]{16}");
        assertThat(key.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(key.sshPublicKeyBody()).isEqualTo(body);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.uploadDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    @Test
    void upload_of1024BitRsa_isInvalidPublicKey_H85() {
        Entities.user(server, "ssh-short");
        awsError(() -> upload("ssh-short", TestPki.openSsh(TestPki.sharedRsa(1024), "x")),
                InvalidPublicKeyException.class, 400, "InvalidPublicKey",
                "The public key is too short. The minimum bit-length of the public key is 2048 bits.");
    }

    @Test
    void upload_ofANonOpenSshFormat_isUnrecognizedPublicKeyEncoding_H85() {
        Entities.user(server, "ssh-format");
        String ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKzvfE+qS09w+okgrO0gY7jryF0lSCxdEO/O0UaUhuZe me@h";
        for (String body : List.of(ed25519, "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----",
                "not a key")) {
            awsError(() -> upload("ssh-format", body), UnrecognizedPublicKeyEncodingException.class, 400,
                    "UnrecognizedPublicKeyEncoding", null);
        }
    }

    @Test
    void upload_ofABrokenSshRsaLine_isInvalidPublicKey() {
        Entities.user(server, "ssh-broken");
        awsError(() -> upload("ssh-broken", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB"), InvalidPublicKeyException.class, 400,
                "InvalidPublicKey", "The public key is malformed or otherwise invalid.");
    }

    @Test
    void upload_ofAPemRsaKey_isAccepted_andGetConvertsBetweenEncodings() {
        Entities.user(server, "ssh-pem");
        String pem = TestPki.publicKeyPem(KEY_2048);
        SSHPublicKey uploaded = upload("ssh-pem", pem);

        SSHPublicKey asPem = iam.getSSHPublicKey(r -> r.userName("ssh-pem").sshPublicKeyId(uploaded.sshPublicKeyId())
                .encoding(EncodingType.PEM)).sshPublicKey();
        SSHPublicKey asSsh = iam.getSSHPublicKey(r -> r.userName("ssh-pem").sshPublicKeyId(uploaded.sshPublicKeyId())
                .encoding(EncodingType.SSH)).sshPublicKey();

        assertThat(asPem.sshPublicKeyBody()).isEqualTo(pem);
        assertThat(asSsh.sshPublicKeyBody()).isEqualTo(TestPki.openSsh(KEY_2048, "").strip());
        assertThat(asSsh.fingerprint()).isEqualTo(uploaded.fingerprint());
    }

    @Test
    void get_ofAnSshUpload_asSsh_isTheBodyAsUploaded_andAsPem_aPublicKeyBlock() {
        Entities.user(server, "ssh-get");
        String body = TestPki.openSsh(KEY_2048, "with comment");
        String id = upload("ssh-get", body).sshPublicKeyId();

        assertThat(iam.getSSHPublicKey(r -> r.userName("ssh-get").sshPublicKeyId(id).encoding(EncodingType.SSH))
                .sshPublicKey().sshPublicKeyBody()).isEqualTo(body);
        assertThat(iam.getSSHPublicKey(r -> r.userName("ssh-get").sshPublicKeyId(id).encoding(EncodingType.PEM))
                .sshPublicKey().sshPublicKeyBody()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }

    @Test
    void get_withAnEncodingOutsideSshAndPem_isValidationError() {
        Entities.user(server, "ssh-enc");
        String id = upload("ssh-enc", TestPki.openSsh(KEY_2048, "c")).sshPublicKeyId();
        awsError(() -> iam.getSSHPublicKey(r -> r.userName("ssh-enc").sshPublicKeyId(id).encoding("DER")),
                IamException.class, 400, "ValidationError", null);
    }

    @Test
    void sixthKey_isLimitExceeded_fiveIsTheQuota_H77() {
        Entities.user(server, "ssh-five");
        for (int i = 0; i < 5; i++) {
            upload("ssh-five", TestPki.openSsh(TestPki.rsa(2048), "k" + i));
        }
        awsError(() -> upload("ssh-five", TestPki.openSsh(TestPki.rsa(2048), "k6")), LimitExceededException.class, 409,
                "LimitExceeded", "Cannot exceed quota for SSHPublicKeysPerUser: 5");
    }

    @Test
    void sameKeyTwiceForAUser_isDuplicateSshPublicKey() {
        Entities.user(server, "ssh-dup");
        upload("ssh-dup", TestPki.openSsh(KEY_2048, "first"));
        awsError(() -> upload("ssh-dup", TestPki.publicKeyPem(KEY_2048)), DuplicateSshPublicKeyException.class, 400,
                "DuplicateSSHPublicKey", "The SSH public key is already associated with the specified IAM user.");
    }

    @Test
    void list_answersMetadataInKeyIdOrder_andAnEmptyListForAUserWithout() {
        Entities.user(server, "ssh-list");
        Entities.user(server, "ssh-none");
        String a = upload("ssh-list", TestPki.openSsh(TestPki.rsa(2048), "a")).sshPublicKeyId();
        String b = upload("ssh-list", TestPki.openSsh(TestPki.rsa(2048), "b")).sshPublicKeyId();

        List<SSHPublicKeyMetadata> listed = iam.listSSHPublicKeys(r -> r.userName("ssh-list")).sshPublicKeys();

        assertThat(listed).extracting(SSHPublicKeyMetadata::sshPublicKeyId)
                .containsExactlyElementsOf(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
        assertThat(listed).allSatisfy(m -> {
            assertThat(m.userName()).isEqualTo("ssh-list");
            assertThat(m.status()).isEqualTo(StatusType.ACTIVE);
        });
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-none")).sshPublicKeys()).isEmpty();
        assertThat(iam.listSSHPublicKeys(r -> r.userName("ssh-list").maxItems(1)).isTruncated()).isTrue();
    }

    @Test
    void update_setsInactiveAndActive_andExpiredIsInvalidInput() {
        Entities.user(server, "ssh-upd");
        String id = upload("ssh-upd", TestPki.openSsh(KEY_2048, "u")).sshPublicKeyId();

        iam.updateSSHPublicKey(r -> r.userName("ssh-upd").sshPublicKeyId(id).status(StatusType.INACTIVE));

        assertThat(iam.getSSHPublicKey(r -> r.userName("ssh-upd").sshPublicKeyId(id).encoding(EncodingType.SSH))
                .sshPublicKey().status()).isEqualTo(StatusType.INACTIVE);
        awsError(() -> iam.updateSSHPublicKey(r -> r.userName("ssh-upd").sshPublicKeyId(id).status("Expired")),
                InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void delete_removesTheKey_thenItIsNoSuchEntityWithAwsText() {
        Entities.user(server, "ssh-del");
        String id = upload("ssh-del", TestPki.openSsh(KEY_2048, "d")).sshPublicKeyId();

        iam.deleteSSHPublicKey(r -> r.userName("ssh-del").sshPublicKeyId(id));

        awsError(() -> iam.deleteSSHPublicKey(r -> r.userName("ssh-del").sshPublicKeyId(id)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The Public Key with id " + id + " cannot be found.");
    }

    @Test
    void anotherUsersKeyId_isNoSuchEntity_likeAnUnknownOne() {
        Entities.user(server, "ssh-owner");
        Entities.user(server, "ssh-stranger");
        String id = upload("ssh-owner", TestPki.openSsh(KEY_2048, "o")).sshPublicKeyId();

        awsError(() -> iam.getSSHPublicKey(r -> r.userName("ssh-stranger").sshPublicKeyId(id)
                        .encoding(EncodingType.SSH)), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The Public Key with id " + id + " cannot be found.");
    }

    @Test
    void unknownUser_isNoSuchEntity_andAShortKeyIdIsValidationError() {
        awsError(() -> upload("ssh-nobody", TestPki.openSsh(KEY_2048, "n")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The user with name ssh-nobody cannot be found.");
        awsError(() -> iam.deleteSSHPublicKey(r -> r.userName("ssh-nobody").sshPublicKeyId("APKASHORT")),
                IamException.class, 400, "ValidationError", null);
    }

    @Test
    void deleteUser_withAnSshKey_isDeleteConflict() {
        Entities.user(server, "ssh-holder");
        upload("ssh-holder", TestPki.openSsh(KEY_2048, "h"));
        awsError(() -> iam.deleteUser(r -> r.userName("ssh-holder")),
                software.amazon.awssdk.services.iam.model.DeleteConflictException.class, 409, "DeleteConflict",
                "Cannot delete entity, must remove referenced objects first.");
    }
}
