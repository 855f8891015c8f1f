package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.pki.TestPki;
import io.sigil.iam.saml.TestSaml;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssertionEncryptionModeType;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SAMLProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The SAML provider operations through the AWS SDK for Java v2 (IAM API Reference: CreateSAMLProvider,
 * GetSAMLProvider, ListSAMLProviders, UpdateSAMLProvider, DeleteSAMLProvider, TagSAMLProvider, UntagSAMLProvider,
 * ListSAMLProviderTags), on a server of their own.
 */
class SamlProvidersSdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final TestSaml.Idp IDP = TestSaml.Idp.create("https://idp.example.com/saml");
    private static final KeyPair DECRYPTION = TestPki.rsa(2048);
    private static final String KEY_PEM = TestPki.pkcs8(DECRYPTION.getPrivate());

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @AfterEach
    void deleteAll() {
        SIGIL.root().listSAMLProviders().samlProviderList()
                .forEach(p -> SIGIL.root().deleteSAMLProvider(r -> r.samlProviderArn(p.arn())));
    }

    private static String arn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":saml-provider/" + name;
    }

    private static CreateSamlProviderResponse create(String name, Tag... tags) {
        return SIGIL.root().createSAMLProvider(r -> r.name(name).samlMetadataDocument(IDP.metadata()).tags(tags));
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    @Test
    void create_answersTheArn_andGetAnswersMetadataUuidDatesAndTags() {
        CreateSamlProviderResponse created = create("Okta", tag("team", "idp"));

        assertThat(created.samlProviderArn()).isEqualTo(arn("Okta"));
        assertThat(created.tags()).containsExactly(tag("team", "idp"));
        GetSamlProviderResponse got = SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Okta")));
        assertThat(got.samlMetadataDocument()).isEqualTo(IDP.metadata());
        assertThat(got.samlProviderUUID()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(got.createDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(got.validUntil()).as("a hundred years without validUntil in the metadata")
                .isEqualTo(got.createDate().atOffset(ZoneOffset.UTC).plusYears(100).toInstant());
        assertThat(got.tags()).containsExactly(tag("team", "idp"));
        // as AWS answered GetSAMLProvider in LocalStack's AWS-validated snapshots (2026)
        assertThat(got.assertionEncryptionModeAsString()).as("never set: Allowed").isEqualTo("Allowed");
        assertThat(got.hasPrivateKeyList()).as("an empty PrivateKeyList element").isTrue();
        assertThat(got.privateKeyList()).isEmpty();
        create("Untagged");
        GetSamlProviderResponse untagged = SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Untagged")));
        assertThat(untagged.hasTags()).as("an empty Tags element").isTrue();
        assertThat(untagged.tags()).isEmpty();
    }

    @Test
    void metadataValidUntil_isTheProvidersValidUntil() {
        String doc = IDP.metadata().replace("entityID=", "validUntil=\"2031-01-02T03:04:05Z\" entityID=");
        SIGIL.root().createSAMLProvider(r -> r.name("Dated").samlMetadataDocument(doc));
        assertThat(SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Dated"))).validUntil())
                .isEqualTo(Instant.parse("2031-01-02T03:04:05Z"));
    }

    @Test
    void list_answersArnValidUntilAndCreateDate_inNameOrder() {
        create("b-idp");
        create("A-idp");

        List<SAMLProviderListEntry> all = SIGIL.root().listSAMLProviders().samlProviderList();

        assertThat(all).extracting(SAMLProviderListEntry::arn).containsExactly(arn("A-idp"), arn("b-idp"));
        assertThat(all.get(0).createDate()).isNotNull();
        assertThat(all.get(0).validUntil()).isAfter(Instant.now());
    }

    @Test
    void aNameTakenInAnyCase_isEntityAlreadyExists_andTheArnResolvesInAnyCase() {
        create("Adfs");
        awsError(() -> create("ADFS"), EntityAlreadyExistsException.class, 409, "EntityAlreadyExists", null);
        assertThat(SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("adfs"))).samlMetadataDocument())
                .isEqualTo(IDP.metadata());
    }

    @Test
    void anUnknownArn_isNoSuchEntity_manifestNotFound_forEveryOperation() {
        String missing = arn("Missing");
        String text = "Manifest not found for arn " + missing;
        awsError(() -> SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(missing)), NoSuchEntityException.class, 404,
                "NoSuchEntity", text);
        awsError(() -> SIGIL.root().deleteSAMLProvider(r -> r.samlProviderArn(missing)), NoSuchEntityException.class,
                404,
                "NoSuchEntity", text);
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(missing)
                .samlMetadataDocument(IDP.metadata())),
                NoSuchEntityException.class, 404, "NoSuchEntity", text);
        awsError(() -> SIGIL.root().tagSAMLProvider(r -> r.samlProviderArn(missing).tags(tag("a", "b"))),
                NoSuchEntityException.class, 404, "NoSuchEntity", text);
        awsError(() -> SIGIL.root().listSAMLProviderTags(r -> r.samlProviderArn(missing)), NoSuchEntityException.class,
                404,
                "NoSuchEntity", text);
        String otherAccount = "arn:aws:iam::210987654321:saml-provider/Okta";
        create("Okta");
        awsError(() -> SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(otherAccount)), NoSuchEntityException.class,
                404,
                "NoSuchEntity", "Manifest not found for arn " + otherAccount);
    }

    @Test
    void metadataThatIsNotSaml_isInvalidInputCouldNotParseMetadata() {
        String notSaml = "<a>" + "x".repeat(1000) + "</a>";
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p").samlMetadataDocument(notSaml)),
                InvalidInputException.class, 400, "InvalidInput", "Could not parse metadata");
    }

    @Test
    void metadataWithoutASigningCertificate_isCouldNotParseMetadata() {
        String noKey = IDP.metadata().replaceAll("<md:KeyDescriptor.*</md:KeyDescriptor>", "")
                + "<!--" + "x".repeat(1000) + "-->";
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p").samlMetadataDocument(noKey)),
                InvalidInputException.class, 400, "InvalidInput", "Could not parse metadata");
    }

    @Test
    void metadataWithABom_isCouldNotParseMetadata() {
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p")
                .samlMetadataDocument("\uFEFF" + IDP.metadata())),
                InvalidInputException.class, 400, "InvalidInput", "Could not parse metadata");
    }

    @Test
    void metadataWithA512BitKey_isUnableToParseMetadata() {
        KeyPair small = TestPki.rsa(512);
        String doc = TestSaml.metadata("https://weak.example.com", List.of(TestPki.selfSigned(small, "weak")))
                + "<!--" + "x".repeat(1000) + "-->";
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p").samlMetadataDocument(doc)),
                InvalidInputException.class, 400, "InvalidInput", "Unable to parse metadata");
    }

    @Test
    void metadataWithADoctype_isRefusedAsUnparseable() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE md [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + IDP.metadata().substring(IDP.metadata().indexOf("<md:EntityDescriptor"))
                        .replace("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", "&x;");
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p").samlMetadataDocument(xxe)),
                InvalidInputException.class, 400, "InvalidInput", "Could not parse metadata");
    }

    @Test
    void metadataShorterThan1000Characters_isAValidationError() {
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p").samlMetadataDocument("<short/>")),
                IamException.class, 400, "ValidationError", null);
    }

    @Test
    void aNameOutsideThePattern_isAValidationError() {
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("has space").samlMetadataDocument(IDP.metadata())),
                IamException.class, 400, "ValidationError", null);
    }

    @Test
    void update_replacesTheMetadata_andAnswersTheArn() {
        create("Okta");
        TestSaml.Idp rotated = TestSaml.Idp.create("https://idp.example.com/saml");

        String answered = SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Okta"))
                .samlMetadataDocument(rotated.metadata())).samlProviderArn();

        assertThat(answered).isEqualTo(arn("Okta"));
        assertThat(SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Okta"))).samlMetadataDocument())
                .isEqualTo(rotated.metadata());
    }

    @Test
    void update_withNothingToChange_isInvalidInput() {
        create("Okta");
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Okta"))),
                InvalidInputException.class,
                400, "InvalidInput", "Unable to update identity provider. No updates are defined for metadata or "
                        + "encryption assertion.");
    }

    @Test
    void privateKeys_areListedByIdAndTimeOnly_atMostTwo_andRequiredModeKeepsOne() {
        SIGIL.root().createSAMLProvider(r -> r.name("Enc").samlMetadataDocument(IDP.metadata())
                .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED).addPrivateKey(KEY_PEM));
        SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Enc")).addPrivateKey(TestPki.pkcs8(
                TestPki.rsa(2048).getPrivate())));
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Enc")).addPrivateKey(KEY_PEM)),
                LimitExceededException.class, 409, "LimitExceeded", "Private key limit of 2 is reached.");

        GetSamlProviderResponse got = SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Enc")));
        assertThat(got.assertionEncryptionMode()).isEqualTo(AssertionEncryptionModeType.REQUIRED);
        assertThat(got.privateKeyList()).hasSize(2);
        assertThat(got.toString()).doesNotContain("PRIVATE KEY");
        String first = got.privateKeyList().get(0).keyId();
        String second = got.privateKeyList().get(1).keyId();
        assertThat(got.privateKeyList().get(0).timestamp()).isNotNull();

        SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Enc")).removePrivateKey(first));
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Enc")).removePrivateKey(second)),
                InvalidInputException.class, 400, "InvalidInput", "Failed to remove private key.");
        SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Enc"))
                .assertionEncryptionMode(AssertionEncryptionModeType.ALLOWED));
        SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Enc")).removePrivateKey(second));
        GetSamlProviderResponse after = SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Enc")));
        assertThat(after.privateKeyList()).isEmpty();
        assertThat(after.assertionEncryptionMode()).isEqualTo(AssertionEncryptionModeType.ALLOWED);
    }

    @Test
    void requiredEncryptionWithoutAKey_addingAndRemovingAtOnce_andABadKey_areInvalidInput() {
        awsError(() -> SIGIL.root().createSAMLProvider(r -> r.name("p").samlMetadataDocument(IDP.metadata())
                        .assertionEncryptionMode(AssertionEncryptionModeType.REQUIRED)), InvalidInputException.class,
                400, "InvalidInput", "Unable to set assertion encryption mode to Required because no private key is "
                        + "provided.");
        create("Okta");
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Okta")).addPrivateKey(KEY_PEM)
                        .removePrivateKey("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), InvalidInputException.class, 400,
                "InvalidInput", "Unable to add and remove private keys in the same request. Set a value for only one "
                        + "of the two parameters.");
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Okta")).addPrivateKey("not a key")),
                InvalidInputException.class, 400, "InvalidInput", "Invalid private key: Key format is not recognized.");
        awsError(() -> SIGIL.root().updateSAMLProvider(r -> r.samlProviderArn(arn("Okta"))
                        .removePrivateKey("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), InvalidInputException.class, 400,
                "InvalidInput", "Failed to remove private key.");
    }

    @Test
    void tags_areAddedReplacedRemovedAndListedInKeyOrder() {
        create("Okta", tag("Env", "dev"));

        SIGIL.root().tagSAMLProvider(r -> r.samlProviderArn(arn("Okta")).tags(tag("env", "prod"), tag("team", "idp")));
        SIGIL.root().untagSAMLProvider(r -> r.samlProviderArn(arn("Okta")).tagKeys("TEAM", "team"));

        // Keys of SAML providers are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(SIGIL.root().listSAMLProviderTags(r -> r.samlProviderArn(arn("Okta"))).tags())
                .containsExactly(tag("Env", "dev"), tag("env", "prod"));
    }

    @Test
    void delete_removesTheProvider() {
        create("Gone");
        SIGIL.root().deleteSAMLProvider(r -> r.samlProviderArn(arn("Gone")));
        assertThat(SIGIL.root().listSAMLProviders().samlProviderList()).isEmpty();
        awsError(() -> SIGIL.root().getSAMLProvider(r -> r.samlProviderArn(arn("Gone"))), NoSuchEntityException.class,
                404,
                "NoSuchEntity", "Manifest not found for arn " + arn("Gone"));
    }

    @Test
    void enforcement_getIsAuthorisedOnTheProviderArnWithItsTags_andCreateOnTheNewArn() {
        create("Mine", tag("owner", "me"));
        create("Theirs", tag("owner", "them"));
        SIGIL.root().createUser(r -> r.userName("saml-reader"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetSAMLProvider\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/owner\":\"me\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:CreateSAMLProvider\","
                + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":saml-provider/Team*\"}]}";
        try (IamClient reader = SdkFixture.signingAs(SIGIL.server(), "saml-reader", policy)) {
            assertThat(reader.getSAMLProvider(r -> r.samlProviderArn(arn("Mine"))).tags())
                    .containsExactly(tag("owner", "me"));
            awsError(() -> reader.getSAMLProvider(r -> r.samlProviderArn(arn("Theirs"))), IamException.class, 403,
                    "AccessDenied", "User: arn:aws:iam::" + ACCOUNT + ":user/saml-reader is not authorized to "
                            + "perform: iam:GetSAMLProvider on resource: " + arn("Theirs")
                            + " because no identity-based policy allows the iam:GetSAMLProvider action");
            reader.createSAMLProvider(r -> r.name("TeamIdp").samlMetadataDocument(IDP.metadata()));
            awsError(() -> reader.createSAMLProvider(r -> r.name("Other").samlMetadataDocument(IDP.metadata())),
                    IamException.class, 403, "AccessDenied", null);
        } finally {
            SIGIL.root().deleteUserPolicy(r -> r.userName("saml-reader").policyName("test-permissions"));
            SIGIL.root().listAccessKeys(r -> r.userName("saml-reader")).accessKeyMetadata().forEach(
                    k -> SIGIL.root().deleteAccessKey(r -> r.userName("saml-reader").accessKeyId(k.accessKeyId())));
            SIGIL.root().deleteUser(r -> r.userName("saml-reader"));
        }
    }

    @Test
    void theAuditLog_hidesThePrivateKey() {
        SIGIL.root().createSAMLProvider(r -> r.name("AuditedIdp").samlMetadataDocument(IDP.metadata())
                .addPrivateKey(KEY_PEM));

        String line = SIGIL.server().awaitAuditLine("AuditedIdp");

        assertThat(line).contains("CreateSAMLProvider").contains("HIDDEN_DUE_TO_SECURITY_REASONS")
                .doesNotContain("PRIVATE KEY").doesNotContain(KEY_PEM.lines().skip(1).findFirst().orElseThrow());
    }
}
