package io.sigil.iam.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.pki.PkiException.Reason;
import io.sigil.iam.pki.internal.Der;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * UploadSSHPublicKey's key body: "The public key must be encoded in ssh-rsa format or PEM format. The minimum
 * bit-length of the public key is 2048 bits" (IAM API Reference); spec §10 H85.
 */
class SshPublicKeyTest {

    private static final KeyPair RSA_2048 = TestPki.sharedRsa(2048);

    @Test
    void openSshRsaLine_with2048Bits_isAccepted_withItsKeyAndComment() {
        SshPublicKey key = SshPublicKey.parse(TestPki.openSsh(RSA_2048, "alice@laptop"));

        assertThat(key.key().getModulus()).isEqualTo(((RSAPublicKey) RSA_2048.getPublic()).getModulus());
        assertThat(key.uploadedAsPem()).isFalse();
    }

    @Test
    void rsaKeyOf1024Bits_isTooShort() {
        assertThatThrownBy(() -> SshPublicKey.parse(TestPki.openSsh(TestPki.sharedRsa(1024), "short")))
                .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));
    }

    @Test
    void rsaKeyOf2047Bits_isTooShort_and2048IsTheMinimum() {
        KeyPair k2047 = TestPki.rsa(2047);
        assertThatThrownBy(() -> SshPublicKey.parse(TestPki.openSsh(k2047, "x")))
                .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));
        assertThat(SshPublicKey.MIN_BITS).isEqualTo(2048);
    }

    @Test
    void pemSubjectPublicKeyInfo_isAccepted_andRemembersItCameAsPem() {
        SshPublicKey key = SshPublicKey.parse(TestPki.publicKeyPem(RSA_2048));

        assertThat(key.uploadedAsPem()).isTrue();
        assertThat(key.key()).isEqualTo(RSA_2048.getPublic());
    }

    @Test
    void pemPkcs1RsaPublicKey_isAccepted() {
        RSAPublicKey pub = (RSAPublicKey) RSA_2048.getPublic();
        String pem = Pem.encode("RSA PUBLIC KEY", Der.sequence(Der.integer(pub.getModulus()),
                Der.integer(pub.getPublicExponent())));

        assertThat(SshPublicKey.parse(pem).key().getModulus()).isEqualTo(pub.getModulus());
    }

    @Test
    void ed25519AndEcdsaKeys_areUnsupportedEncodings() {
        for (String line : new String[] {
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKzvfE+qS09w+okgrO0gY7jryF0lSCxdEO/O0UaUhuZe me@host",
                "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= me@host"}) {
            assertThatThrownBy(() -> SshPublicKey.parse(line)).isInstanceOfSatisfying(PkiException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
        }
    }

    @Test
    void pemOfAnEcPublicKey_isUnsupported() {
        assertThatThrownBy(() -> SshPublicKey.parse(TestPki.publicKeyPem(TestPki.ec("secp256r1"))))
                .isInstanceOfSatisfying(PkiException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
    }

    @Test
    void textThatIsNeitherSshNorPem_isAnUnrecognizedEncoding() {
        assertThatThrownBy(() -> SshPublicKey.parse("hello world")).isInstanceOfSatisfying(PkiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
    }

    @Test
    void sshRsaWithBrokenBase64OrTruncatedBlob_isMalformed() {
        String good = TestPki.openSsh(RSA_2048, "c").split(" ")[1];
        for (String body : new String[] {"ssh-rsa !!!notbase64", "ssh-rsa " + good.substring(0, 100), "ssh-rsa",
                "ssh-rsa " + Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 11, 's', 's', 'h'})}) {
            assertThatThrownBy(() -> SshPublicKey.parse(body)).as(body).isInstanceOfSatisfying(PkiException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void fingerprint_isTheColonSeparatedMd5OfTheKeyBlob_asOpenSshPrintsIt() throws Exception {
        String line = TestPki.openSsh(RSA_2048, "c");
        byte[] blob = Base64.getDecoder().decode(line.split(" ")[1]);
        String expected = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));

        String fp = SshPublicKey.parse(line).fingerprint();

        assertThat(fp).isEqualTo(expected).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    }

    @Test
    void sameKey_uploadedAsSshOrPem_hasOneFingerprint() {
        assertThat(SshPublicKey.parse(TestPki.publicKeyPem(RSA_2048)).fingerprint())
                .isEqualTo(SshPublicKey.parse(TestPki.openSsh(RSA_2048, "c")).fingerprint());
    }

    @Test
    void encodings_convertBetweenSshAndPem() {
        SshPublicKey fromSsh = SshPublicKey.parse(TestPki.openSsh(RSA_2048, "c"));

        assertThat(SshPublicKey.parse(fromSsh.pemEncoding()).key()).isEqualTo(fromSsh.key());
        assertThat(fromSsh.sshEncoding()).startsWith("ssh-rsa AAAAB3NzaC1yc2E");
        assertThat(SshPublicKey.parse(fromSsh.sshEncoding()).fingerprint()).isEqualTo(fromSsh.fingerprint());
    }
}
