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
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.DuplicateCertificateException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedCertificateException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The signing certificate operations through the AWS SDK for Java v2 (IAM API Reference: UploadSigningCertificate,
 * ListSigningCertificates, UpdateSigningCertificate, DeleteSigningCertificate); spec §10 H77 (a third certificate
 * fails). Error texts marked "AWS" are those recorded from AWS in LocalStack's validated snapshot
 * tests/aws/services/iam/test_iam_signing_certificates.snapshot.json.
 */
class SigningCertificatesSdkTest {

    private static final KeyPair KEYS = TestPki.sharedRsa(2048);
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

    private static String newCert(String cn) {
        return TestPki.pem(TestPki.selfSigned(KEYS, cn));
    }

    private static SigningCertificate upload(String user, String body) {
        return iam.uploadSigningCertificate(r -> r.userName(user).certificateBody(body)).certificate();
    }

    @Test
    void upload_answersAnActiveCertificateWithItsBodyAndId_andListShowsTheSame() {
        Entities.user(server, "sign-alice");
        String body = newCert("alice");

        SigningCertificate cert = upload("sign-alice", body);

        assertThat(cert.userName()).isEqualTo("sign-alice");
        assertThat(cert.certificateId()).matches("[A-Z2-7]{28}");
        assertThat(cert.certificateBody()).isEqualTo(body);
        assertThat(cert.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(cert.uploadDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(iam.listSigningCertificates(r -> r.userName("sign-alice")).certificates()).containsExactly(cert);
    }

    @Test
    void thirdCertificate_isLimitExceeded_withAwsText_H77() {
        Entities.user(server, "sign-three");
        upload("sign-three", newCert("one"));
        upload("sign-three", newCert("two"));
        awsError(() -> upload("sign-three", newCert("three")), LimitExceededException.class, 409, "LimitExceeded",
                "Cannot exceed quota for CertificatesPerUser: 2");
    }

    @Test
    void garbageBody_isMalformedCertificate_quotingTheBody_asAwsAnswers() {
        Entities.user(server, "sign-garbage");
        awsError(() -> upload("sign-garbage", "invalid-certificate-body"), MalformedCertificateException.class, 400,
                "MalformedCertificate", "Certificate invalid-certificate-body is malformed.");
    }

    @Test
    void truncatedPem_isMalformedCertificate() {
        Entities.user(server, "sign-truncated");
        String pem = newCert("t");
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END CERTIFICATE-----\n";
        awsError(() -> upload("sign-truncated", truncated), MalformedCertificateException.class, 400,
                "MalformedCertificate", "Certificate " + truncated + " is malformed.");
    }

    @Test
    void expiredAndNotYetValidCertificates_areMalformedCertificate() {
        Entities.user(server, "sign-dates");
        Instant now = Instant.now();
        String expired = TestPki.pem(TestPki.selfSigned(KEYS, "old", now.minusSeconds(7200), now.minusSeconds(3600)));
        String future = TestPki.pem(TestPki.selfSigned(KEYS, "new", now.plusSeconds(3600), now.plusSeconds(7200)));

        awsError(() -> upload("sign-dates", expired), MalformedCertificateException.class, 400, "MalformedCertificate",
                "Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.");
        awsError(() -> upload("sign-dates", future), MalformedCertificateException.class, 400, "MalformedCertificate",
                null);
    }

    @Test
    void theSameCertificateForAnotherUserOfTheAccount_isDuplicateCertificate() {
        Entities.user(server, "sign-first");
        Entities.user(server, "sign-second");
        String body = newCert("shared");
        upload("sign-first", body);

        awsError(() -> upload("sign-second", body), DuplicateCertificateException.class, 409, "DuplicateCertificate",
                null);
    }

    @Test
    void withoutUserName_theRootsCertificatesAreManaged_andCarryNoUserName() {
        SigningCertificate cert = iam.uploadSigningCertificate(r -> r.certificateBody(newCert("root"))).certificate();
        try {
            assertThat(cert.userName()).isNull();
            assertThat(iam.listSigningCertificates().certificates()).extracting(SigningCertificate::certificateId)
                    .contains(cert.certificateId());
        } finally {
            iam.deleteSigningCertificate(r -> r.certificateId(cert.certificateId()));
        }
        assertThat(iam.listSigningCertificates().certificates()).isEmpty();
    }

    @Test
    void anIamUserWithoutUserName_managesItsOwnCertificates() {
        Entities.user(server, "sign-self");
        try (IamClient self = SdkFixture.signingAs(server, "sign-self", SdkFixture.allow("iam:*SigningCertificate*"))) {
            SigningCertificate cert = self.uploadSigningCertificate(r -> r.certificateBody(newCert("self")))
                    .certificate();
            assertThat(cert.userName()).isEqualTo("sign-self");
            assertThat(self.listSigningCertificates().certificates()).containsExactly(cert);
        }
    }

    @Test
    void update_togglesTheStatus_andExpiredIsInvalidInput() {
        Entities.user(server, "sign-upd");
        String id = upload("sign-upd", newCert("u")).certificateId();

        iam.updateSigningCertificate(r -> r.userName("sign-upd").certificateId(id).status(StatusType.INACTIVE));

        assertThat(iam.listSigningCertificates(r -> r.userName("sign-upd")).certificates().get(0).status())
                .isEqualTo(StatusType.INACTIVE);
        awsError(() -> iam.updateSigningCertificate(r -> r.userName("sign-upd").certificateId(id).status("Expired")),
                InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void unknownUserOrCertificate_isNoSuchEntity_withAwsTexts_userFirst() {
        Entities.user(server, "sign-missing");
        String unknown = "NONEXISTENTCERTID12345678901";
        awsError(() -> iam.deleteSigningCertificate(r -> r.userName("nonexistent-user").certificateId(unknown)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The user with name nonexistent-user cannot be found.");
        awsError(() -> iam.updateSigningCertificate(r -> r.userName("sign-missing").certificateId(unknown)
                        .status(StatusType.INACTIVE)), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The Certificate with id " + unknown + " cannot be found.");
        awsError(() -> iam.listSigningCertificates(r -> r.userName("nonexistent-user")), NoSuchEntityException.class,
                404, "NoSuchEntity", "The user with name nonexistent-user cannot be found.");
    }

    @Test
    void aCertificateIdShorterThan24_isValidationError() {
        awsError(() -> iam.deleteSigningCertificate(r -> r.certificateId("SHORT")), IamException.class, 400,
                "ValidationError", null);
    }

    @Test
    void deleteUser_withASigningCertificate_isDeleteConflict_andDeletingItLetsTheUserGo() {
        Entities.user(server, "sign-holder");
        String id = upload("sign-holder", newCert("h")).certificateId();

        awsError(() -> iam.deleteUser(r -> r.userName("sign-holder")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must delete signing certificates first.");
        iam.deleteSigningCertificate(r -> r.userName("sign-holder").certificateId(id));
        iam.deleteUser(r -> r.userName("sign-holder"));
        assertThat(iam.listUsers().users()).noneMatch(u -> u.userName().equals("sign-holder"));
    }

    @Test
    void listPages_byMaxItemsAndMarker() {
        Entities.user(server, "sign-pages");
        List<String> ids = List.of(upload("sign-pages", newCert("p1")).certificateId(),
                upload("sign-pages", newCert("p2")).certificateId());

        var first = iam.listSigningCertificates(r -> r.userName("sign-pages").maxItems(1));
        var second = iam.listSigningCertificates(r -> r.userName("sign-pages").marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(second.isTruncated()).isFalse();
        assertThat(List.of(first.certificates().get(0).certificateId(), second.certificates().get(0).certificateId()))
                .containsExactlyInAnyOrderElementsOf(ids);
    }
}
