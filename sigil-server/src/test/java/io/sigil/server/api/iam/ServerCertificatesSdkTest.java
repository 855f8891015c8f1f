package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.pki.TestPki;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServerCertificate;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UploadServerCertificateResponse;

/**
 * The server certificate operations through the AWS SDK for Java v2 (IAM API Reference: UploadServerCertificate,
 * GetServerCertificate, ListServerCertificates, UpdateServerCertificate, DeleteServerCertificate,
 * TagServerCertificate, UntagServerCertificate, ListServerCertificateTags), on a server of their own, since the
 * account holds at most 20 of them. Texts marked "AWS" are AWS's, as recorded in LocalStack's validated snapshot
 * tests/aws/services/iam/test_iam_server_certificates.snapshot.json or quoted by AWS users.
 */
class ServerCertificatesSdkTest {

    private static final KeyPair KEYS = TestPki.sharedRsa(2048);
    private static final String KEY_PEM = TestPki.pkcs8(KEYS.getPrivate());
    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static WireCapture wire;
    private static IamClient captured;

    @BeforeAll
    static void start() {
        wire = new WireCapture();
        captured = wire.client(SIGIL.server());
    }

    @AfterAll
    static void stop() {
        captured.close();
    }

    @AfterEach
    void deleteAll() {
        SIGIL.root().listServerCertificates().serverCertificateMetadataList().forEach(
                m -> SIGIL.root().deleteServerCertificate(r -> r.serverCertificateName(m.serverCertificateName())));
    }

    private static UploadServerCertificateResponse upload(String name, String path, Tag... tags) {
        return SIGIL.root().uploadServerCertificate(r -> r.serverCertificateName(name).path(path)
                .certificateBody(TestPki.pem(TestPki.selfSigned(KEYS, name))).privateKey(KEY_PEM).tags(tags));
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    @Test
    void upload_answersMetadataOnly_withDefaultPathArnAscaIdAndDates_andNoTagsWhenNoneGiven() {
        UploadServerCertificateResponse r = upload("ProdCert", null);
        ServerCertificateMetadata m = r.serverCertificateMetadata();

        assertThat(m.path()).isEqualTo("/");
        assertThat(m.serverCertificateName()).isEqualTo("ProdCert");
        assertThat(m.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":server-certificate/ProdCert");
        assertThat(m.serverCertificateId()).matches("ASCA[A-Z2-7]{17}");
        assertThat(m.uploadDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(m.expiration()).isAfter(Instant.now().plusSeconds(300 * 86_400L));
        assertThat(r.hasTags()).isFalse();
    }

    @Test
    void cloudFrontPath_isKeptInPathAndArn_andListFiltersByPathPrefix() {
        upload("cf-cert", "/cloudfront/test/");
        upload("elb-cert", "/elb/");

        List<ServerCertificateMetadata> cf = SIGIL.root().listServerCertificates(r -> r.pathPrefix("/cloudfront/"))
                .serverCertificateMetadataList();

        assertThat(cf).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo("/cloudfront/test/");
            assertThat(m.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":server-certificate/cloudfront/test/cf-cert");
        });
        assertThat(SIGIL.root().listServerCertificates().serverCertificateMetadataList()).hasSize(2);
    }

    @Test
    void get_answersBodyMetadataAndEmptyTags_andTheWireNeverCarriesThePrivateKey() {
        upload("secret-holder", "/");

        ServerCertificate c = captured.getServerCertificate(r -> r.serverCertificateName("secret-holder"))
                .serverCertificate();

        assertThat(c.certificateBody()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(c.certificateChain()).isNull();
        assertThat(c.hasTags()).isTrue();
        assertThat(c.tags()).isEmpty();
        String base64Line = KEY_PEM.lines().skip(1).findFirst().orElseThrow();
        assertThat(wire.lastBody()).contains("secret-holder").doesNotContain(base64Line).doesNotContain("PRIVATE KEY");
    }

    @Test
    void bodyAndChain_comeBackWithoutSurroundingWhitespace_andWithLfLineBreaks() {
        KeyPair caKeys = TestPki.sharedRsa(3072);
        String body = TestPki.pem(TestPki.leaf(KEYS, "crlf.example.com", caKeys, "Example CA")).replace("\n", "\r\n");
        String chain = TestPki.pem(TestPki.ca(caKeys, "Example CA", caKeys, "Example CA"));
        SIGIL.root().uploadServerCertificate(r -> r.serverCertificateName("crlf").certificateBody("\n" + body + "\n")
                .certificateChain(chain + "\n\n").privateKey(KEY_PEM));

        ServerCertificate c = SIGIL.root().getServerCertificate(r -> r.serverCertificateName("crlf"))
                .serverCertificate();

        assertThat(c.certificateBody()).isEqualTo(body.replace("\r\n", "\n").strip())
                .startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----");
        assertThat(c.certificateChain()).isEqualTo(chain.strip());
    }

    @Test
    void thePrivateKey_isNotInTheDatabaseFileInClear_norInTheAuditLog() throws Exception {
        String id = upload("at-rest", "/").serverCertificateMetadata().serverCertificateId();
        String base64Line = KEY_PEM.lines().skip(1).findFirst().orElseThrow();

        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (String suffix : new String[] {"", "-wal"}) {
            Path f = SIGIL.server().app().dataDir().resolve("sigil.db" + suffix);
            if (Files.exists(f)) {
                raw.write(Files.readAllBytes(f));
            }
        }
        String db = raw.toString(StandardCharsets.ISO_8859_1);
        assertThat(db).as("the scan reads the certificate's row").contains(id);
        assertThat(db).doesNotContain(base64Line).doesNotContain("PRIVATE KEY");
        assertThat(SIGIL.server().awaitAuditLine("UploadServerCertificate")).contains("HIDDEN_DUE_TO_SECURITY_REASONS")
                .doesNotContain(base64Line);
    }

    @Test
    void duplicateNameInAnyCase_isEntityAlreadyExists_withAwsText() {
        upload("Dup", "/");
        awsError(() -> upload("DUP", "/"), EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "The Server Certificate with name DUP already exists.");
    }

    @Test
    void theTwentyFirstCertificateOfTheAccount_isLimitExceeded() {
        for (int i = 0; i < 20; i++) {
            upload("quota-" + i, "/");
        }
        awsError(() -> upload("quota-20", "/"), LimitExceededException.class, 409, "LimitExceeded",
                "Cannot exceed quota for ServerCertificatesPerAccount: 20");
    }

    @Test
    void update_renamesAndMoves_theOldNameIsThenNotFound_withAwsText() {
        upload("before", "/");

        SIGIL.root().updateServerCertificate(r -> r.serverCertificateName("before").newServerCertificateName("after")
                .newPath("/cloudfront/"));

        ServerCertificateMetadata m = SIGIL.root().getServerCertificate(r -> r.serverCertificateName("after"))
                .serverCertificate().serverCertificateMetadata();
        assertThat(m.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":server-certificate/cloudfront/after");
        awsError(() -> SIGIL.root().getServerCertificate(r -> r.serverCertificateName("before")),
                NoSuchEntityException.class,
                404, "NoSuchEntity", "The Server Certificate with name before cannot be found.");
    }

    @Test
    void update_toATakenName_isEntityAlreadyExists_andOfAnUnknownName_isNoSuchEntity() {
        upload("one", "/");
        upload("two", "/");
        awsError(() -> SIGIL.root().updateServerCertificate(r -> r.serverCertificateName("one")
                .newServerCertificateName("TWO")),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "The Server Certificate with name TWO already exists.");
        awsError(() -> SIGIL.root().updateServerCertificate(r -> r.serverCertificateName("nope").newPath("/x/")),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The Server Certificate with name nope cannot be found.");
    }

    @Test
    void delete_thenGetAndDelete_areNoSuchEntity_withAwsText() {
        upload("to-delete", "/");

        SIGIL.root().deleteServerCertificate(r -> r.serverCertificateName("to-delete"));

        for (Runnable call : List.<Runnable>of(
                () -> SIGIL.root().getServerCertificate(r -> r.serverCertificateName("to-delete")),
                () -> SIGIL.root().deleteServerCertificate(r -> r.serverCertificateName("to-delete")))) {
            awsError(call::run, NoSuchEntityException.class, 404, "NoSuchEntity",
                    "The Server Certificate with name to-delete cannot be found.");
        }
    }

    @Test
    void tags_atUpload_thenTagUntagAndList_sortedByKey() {
        UploadServerCertificateResponse r = upload("tagged", "/", tag("team", "edge"), tag("Env", "dev"));

        SIGIL.root().tagServerCertificate(t -> t.serverCertificateName("tagged").tags(tag("env", "prod"), tag("cost",
                "42")));
        SIGIL.root().untagServerCertificate(t -> t.serverCertificateName("tagged").tagKeys("TEAM", "team"));

        // Keys of server certificates are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(r.tags()).extracting(Tag::key).containsExactly("Env", "team");
        assertThat(SIGIL.root().listServerCertificateTags(t -> t.serverCertificateName("tagged")).tags())
                .containsExactly(tag("Env", "dev"), tag("cost", "42"), tag("env", "prod"));
        assertThat(SIGIL.root().getServerCertificate(g -> g.serverCertificateName("tagged")).serverCertificate().tags())
                .containsExactly(tag("Env", "dev"), tag("cost", "42"), tag("env", "prod"));
    }

    @Test
    void tags_withTheReservedAwsPrefix_orForAnUnknownCertificate_areRefused() {
        awsError(() -> upload("reserved", "/", tag("aws:owner", "x")), InvalidInputException.class, 400,
                "InvalidInput", null);
        awsError(() -> SIGIL.root().tagServerCertificate(t -> t.serverCertificateName("ghost").tags(tag("k", "v"))),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The Server Certificate with name ghost cannot be found.");
        assertThat(SIGIL.root().listServerCertificates().serverCertificateMetadataList()).isEmpty();
    }

    @Test
    void list_pagesInNameOrder() {
        upload("b", "/");
        upload("a", "/");
        upload("c", "/");

        var first = SIGIL.root().listServerCertificates(r -> r.maxItems(2));
        var rest = SIGIL.root().listServerCertificates(r -> r.marker(first.marker()));

        assertThat(first.serverCertificateMetadataList()).extracting(ServerCertificateMetadata::serverCertificateName)
                .containsExactly("a", "b");
        assertThat(first.isTruncated()).isTrue();
        assertThat(rest.serverCertificateMetadataList()).extracting(ServerCertificateMetadata::serverCertificateName)
                .containsExactly("c");
    }
}
