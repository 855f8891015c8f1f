package io.sigil.iam.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.pki.PkiException.Reason;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PEM certificates and chains as IAM's certificate uploads take them (IAM API Reference, UploadServerCertificate). */
class CertificatesTest {

    private static final KeyPair KEYS = TestPki.sharedRsa(2048);

    @Test
    void onePemCertificate_parses_andWritesBackToTheSameDer() throws Exception {
        X509Certificate cert = TestPki.selfSigned(KEYS, "example.com");

        X509Certificate parsed = Certificates.parseOne(TestPki.pem(cert));

        assertThat(parsed.getEncoded()).isEqualTo(cert.getEncoded());
        assertThat(parsed.getSubjectX500Principal().getName()).isEqualTo("CN=example.com");
        assertThat(Certificates.selfSigned(parsed)).isTrue();
    }

    @Test
    void garbageTruncatedAndBareBase64Der_areMalformed() throws Exception {
        String pem = TestPki.pem(TestPki.selfSigned(KEYS, "x"));
        String bareBase64 = Base64.getEncoder().encodeToString(TestPki.selfSigned(KEYS, "x").getEncoded());
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n";
        for (String body : new String[] {"invalid-certificate-body", bareBase64, truncated,
                pem.substring(0, pem.indexOf("-----END")), "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----"}) {
            assertThatThrownBy(() -> Certificates.parseOne(body)).isInstanceOfSatisfying(PkiException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void textBeforeTheBlock_orTwoCertificatesAsABody_areMalformed() {
        String pem = TestPki.pem(TestPki.selfSigned(KEYS, "x"));
        assertThatThrownBy(() -> Certificates.parseOne("subject=CN=x\n" + pem)).isInstanceOf(PkiException.class);
        assertThatThrownBy(() -> Certificates.parseOne(pem + pem)).isInstanceOf(PkiException.class);
    }

    @Test
    void chain_parsesEveryBlockInOrder_andIssuedFollowsSubjectAndSignature() {
        KeyPair rootKeys = TestPki.sharedRsa(3072);
        KeyPair midKeys = TestPki.ec("secp256r1");
        X509Certificate root = TestPki.ca(rootKeys, "Root", rootKeys, "Root");
        X509Certificate mid = TestPki.ca(midKeys, "Intermediate", rootKeys, "Root");
        X509Certificate leaf = TestPki.leaf(KEYS, "example.com", midKeys, "Intermediate");

        List<X509Certificate> chain = Certificates.parseChain(TestPki.chain(List.of(mid, root)));

        assertThat(chain).hasSize(2);
        assertThat(Certificates.issued(chain.get(0), leaf)).isTrue();
        assertThat(Certificates.issued(chain.get(1), chain.get(0))).isTrue();
        assertThat(Certificates.issued(chain.get(1), leaf)).isFalse();
        assertThat(Certificates.selfSigned(leaf)).isFalse();
    }

    @Test
    void sha256_isTheSameForTheSameCertificate() {
        X509Certificate cert = TestPki.selfSigned(KEYS, "x");
        assertThat(Certificates.sha256(Certificates.parseOne(TestPki.pem(cert)))).isEqualTo(Certificates.sha256(cert))
                .hasSize(64);
    }
}
