package io.sigil.iam.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.pki.PkiException.Reason;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/**
 * UploadServerCertificate's private key: PEM, unencrypted ("You cannot upload a private key that is protected by a
 * password or passphrase", IAM User Guide, "Managing server certificates in IAM"), and the certificate's own.
 */
class PrivateKeysTest {

    private static final KeyPair RSA = TestPki.sharedRsa(2048);

    @Test
    void rsaKeyAsPkcs8OrPkcs1_parsesAndMatchesItsPublicKey() {
        for (String pem : new String[] {TestPki.pkcs8(RSA.getPrivate()), TestPki.pkcs1(RSA.getPrivate())}) {
            PrivateKey key = PrivateKeys.parse(pem);
            assertThat(key.getAlgorithm()).isEqualTo("RSA");
            assertThat(PrivateKeys.matches(RSA.getPublic(), key)).isTrue();
        }
    }

    @Test
    void ecKeyAsPkcs8OrSec1_parsesAndMatchesItsPublicKey() {
        KeyPair ec = TestPki.ec("secp384r1");
        for (String pem : new String[] {TestPki.pkcs8(ec.getPrivate()), TestPki.sec1(ec.getPrivate())}) {
            PrivateKey key = PrivateKeys.parse(pem);
            assertThat(key.getAlgorithm()).isEqualTo("EC");
            assertThat(PrivateKeys.matches(ec.getPublic(), key)).isTrue();
        }
    }

    @Test
    void anotherKeyPairsPrivateKey_doesNotMatch_norDoesAnotherAlgorithm() {
        KeyPair other = TestPki.rsa(2048);
        KeyPair ec = TestPki.ec("secp256r1");
        KeyPair ec2 = TestPki.ec("secp256r1");

        assertThat(PrivateKeys.matches(RSA.getPublic(), other.getPrivate())).isFalse();
        assertThat(PrivateKeys.matches(RSA.getPublic(), ec.getPrivate())).isFalse();
        assertThat(PrivateKeys.matches(ec.getPublic(), ec2.getPrivate())).isFalse();
    }

    @Test
    void passphraseProtectedKeys_pkcs8AndOpenSslLegacy_areEncrypted() {
        for (String pem : new String[] {TestPki.encryptedPkcs8(RSA.getPrivate(), "s3cret"),
                TestPki.legacyEncryptedPkcs1(RSA.getPrivate())}) {
            assertThatThrownBy(() -> PrivateKeys.parse(pem)).isInstanceOfSatisfying(PkiException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED));
        }
    }

    @Test
    void garbageTruncatedOrNonKeyPem_isRefused() {
        String pkcs8 = TestPki.pkcs8(RSA.getPrivate());
        String truncated = pkcs8.substring(0, 200) + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PrivateKeys.parse("not a key")).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> PrivateKeys.parse(truncated)).isInstanceOfSatisfying(PkiException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        assertThatThrownBy(() -> PrivateKeys.parse(TestPki.pem(TestPki.selfSigned(RSA, "x"))))
                .isInstanceOfSatisfying(PkiException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED));
    }
}
