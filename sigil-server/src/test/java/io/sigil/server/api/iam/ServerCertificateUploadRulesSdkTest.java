package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.pki.TestPki;
import io.sigil.server.testing.ServerPerClass;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.KeyPairMismatchException;
import software.amazon.awssdk.services.iam.model.MalformedCertificateException;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateRequest;

/**
 * What UploadServerCertificate accepts and refuses (IAM User Guide, "Managing server certificates in IAM"; spec §1.9,
 * §10 H84): expired, not-yet-valid, encrypted-key, DER and malformed inputs, a foreign private key, and chains. The
 * parse, expiry and chain texts are AWS's as its users report them.
 */
class ServerCertificateUploadRulesSdkTest {

    private static final KeyPair LEAF = TestPki.sharedRsa(2048);
    private static final String CHAIN_TEXT = "Unable to validate certificate chain. The certificate chain must start "
            + "with the immediate signing certificate, followed by any intermediaries in order. The index within the "
            + "chain of the invalid certificate is: ";

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @AfterEach
    void deleteAll() {
        SIGIL.root().listServerCertificates().serverCertificateMetadataList().forEach(
                m -> SIGIL.root().deleteServerCertificate(r -> r.serverCertificateName(m.serverCertificateName())));
    }

    private static ServerCertificateMetadata upload(String name, X509Certificate cert, String key, String chain) {
        return SIGIL.root().uploadServerCertificate(r -> r.serverCertificateName(name)
                .certificateBody(TestPki.pem(cert))
                .privateKey(key).certificateChain(chain)).serverCertificateMetadata();
    }

    private static void refused(Consumer<UploadServerCertificateRequest.Builder> request, String message) {
        awsError(() -> SIGIL.root().uploadServerCertificate(request), MalformedCertificateException.class, 400,
                "MalformedCertificate", message);
    }

    @Test
    void selfSignedRsaCertificate_withItsPkcs1Key_andNoChain_isStored_expiringAtNotAfter() {
        X509Certificate cert = TestPki.selfSigned(LEAF, "www.example.com");

        ServerCertificateMetadata m = upload("self-signed", cert, TestPki.pkcs1(LEAF.getPrivate()), null);

        assertThat(m.expiration()).isEqualTo(cert.getNotAfter().toInstant());
        assertThat(m.serverCertificateId()).matches("ASCA[A-Z2-7]{17}");
    }

    @Test
    void ecCertificate_withItsSec1OrPkcs8Key_isStored() {
        KeyPair ec = TestPki.ec("secp256r1");
        X509Certificate cert = TestPki.selfSigned(ec, "ec.example.com");

        upload("ec-sec1", cert, TestPki.sec1(ec.getPrivate()), null);
        upload("ec-pkcs8", cert, TestPki.pkcs8(ec.getPrivate()), null);

        assertThat(SIGIL.root().listServerCertificates().serverCertificateMetadataList()).hasSize(2);
    }

    @Test
    void expiredCertificate_isMalformedCertificate_H84() {
        Instant now = Instant.now();
        X509Certificate cert = TestPki.selfSigned(LEAF, "old", now.minusSeconds(7200), now.minusSeconds(60));
        refused(r -> r.serverCertificateName("expired").certificateBody(TestPki.pem(cert))
                        .privateKey(TestPki.pkcs8(LEAF.getPrivate())),
                "Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.");
    }

    @Test
    void notYetValidCertificate_isMalformedCertificate_withTheChainText() {
        Instant now = Instant.now();
        X509Certificate cert = TestPki.selfSigned(LEAF, "new", now.plusSeconds(600), now.plusSeconds(86_400));
        refused(r -> r.serverCertificateName("future").certificateBody(TestPki.pem(cert))
                .privateKey(TestPki.pkcs8(LEAF.getPrivate())), CHAIN_TEXT + "-1");
    }

    @Test
    void passphraseProtectedPrivateKeys_areRefused_H84() {
        String body = TestPki.pem(TestPki.selfSigned(LEAF, "enc"));
        for (String key : List.of(TestPki.encryptedPkcs8(LEAF.getPrivate(), "passphrase"),
                TestPki.legacyEncryptedPkcs1(LEAF.getPrivate()))) {
            refused(r -> r.serverCertificateName("encrypted").certificateBody(body).privateKey(key),
                    "Unable to parse private key. The private key must be an unencrypted RSA or EC key in PEM format.");
        }
    }

    @Test
    void derInput_binaryFailsTheParameterPattern_andBareBase64IsNotPem_H84() throws Exception {
        X509Certificate cert = TestPki.selfSigned(LEAF, "der");
        String binary = new String(cert.getEncoded(), StandardCharsets.ISO_8859_1);
        String bareBase64 = Base64.getEncoder().encodeToString(cert.getEncoded());

        awsError(() -> SIGIL.root().uploadServerCertificate(r -> r.serverCertificateName("der").certificateBody(binary)
                .privateKey(TestPki.pkcs8(LEAF.getPrivate()))), IamException.class, 400, "ValidationError", null);
        refused(r -> r.serverCertificateName("der").certificateBody(bareBase64)
                        .privateKey(TestPki.pkcs8(LEAF.getPrivate())),
                "Unable to parse certificate. Please ensure the certificate is in PEM format.");
    }

    @Test
    void garbageAndTruncatedPem_areUnableToParse() {
        String pem = TestPki.pem(TestPki.selfSigned(LEAF, "t"));
        for (String body : List.of("garbage", pem.substring(0, pem.length() / 2))) {
            refused(r -> r.serverCertificateName("garbage").certificateBody(body)
                            .privateKey(TestPki.pkcs8(LEAF.getPrivate())),
                    "Unable to parse certificate. Please ensure the certificate is in PEM format.");
        }
    }

    @Test
    void anotherKeyPairsPrivateKey_isKeyPairMismatch() {
        String body = TestPki.pem(TestPki.selfSigned(LEAF, "mismatch"));
        awsError(() -> SIGIL.root().uploadServerCertificate(r -> r.serverCertificateName("mismatch")
                .certificateBody(body)
                        .privateKey(TestPki.pkcs8(TestPki.rsa(2048).getPrivate()))), KeyPairMismatchException.class, 400,
                "KeyPairMismatch", "The public key certificate and the private key do not match.");
    }

    @Test
    void caSignedCertificate_withoutChain_isRefused_withItsIntermediateAndRoot_isStored_H84() {
        KeyPair rootKeys = TestPki.sharedRsa(3072);
        KeyPair midKeys = TestPki.ec("secp384r1");
        X509Certificate root = TestPki.ca(rootKeys, "Example Root", rootKeys, "Example Root");
        X509Certificate mid = TestPki.ca(midKeys, "Example Intermediate", rootKeys, "Example Root");
        X509Certificate leaf = TestPki.leaf(LEAF, "shop.example.com", midKeys, "Example Intermediate");
        String key = TestPki.pkcs8(LEAF.getPrivate());

        refused(r -> r.serverCertificateName("no-chain").certificateBody(TestPki.pem(leaf)).privateKey(key),
                CHAIN_TEXT + "-1");
        refused(r -> r.serverCertificateName("wrong-order").certificateBody(TestPki.pem(leaf)).privateKey(key)
                .certificateChain(TestPki.chain(List.of(root, mid))), CHAIN_TEXT + "-1");
        refused(r -> r.serverCertificateName("foreign-root").certificateBody(TestPki.pem(leaf)).privateKey(key)
                .certificateChain(TestPki.chain(List.of(mid, TestPki.selfSigned(TestPki.rsa(2048), "Other Root")))),
                CHAIN_TEXT + "0");
        upload("with-chain", leaf, key, TestPki.chain(List.of(mid, root)));
        upload("intermediate-only", leaf, key, TestPki.chain(List.of(mid)));

        assertThat(SIGIL.root().getServerCertificate(r -> r.serverCertificateName("with-chain")).serverCertificate()
                .certificateChain()).isEqualTo(TestPki.chain(List.of(mid, root)).strip());
    }
}
