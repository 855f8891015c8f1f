package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Pbkdf2Passwords;
import io.sigil.server.testing.SigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredential;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredentialMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The service-specific credential operations through the AWS SDK for Java v2 (IAM API Reference:
 * CreateServiceSpecificCredential, ListServiceSpecificCredentials, ResetServiceSpecificCredential,
 * UpdateServiceSpecificCredential, DeleteServiceSpecificCredential).
 */
class ServiceSpecificCredentialsSdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String CODECOMMIT = "codecommit.amazonaws.com";
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

    private static ServiceSpecificCredential create(String user, String service) {
        return iam.createServiceSpecificCredential(r -> r.userName(user).serviceName(service))
                .serviceSpecificCredential();
    }

    private static Optional<String> storedHash(String id) {
        return server.app().store().read(tx -> tx.serviceSpecificCredentials().secretHash(ACCOUNT, id));
    }

    @Test
    void create_forCodeCommit_answersAGeneratedUserNameAndA60CharacterPasswordOnce() {
        Entities.user(server, "jane");

        ServiceSpecificCredential c = create("jane", CODECOMMIT);

        assertThat(c.serviceUserName()).isEqualTo("jane-at-" + ACCOUNT);
        assertThat(c.servicePassword()).hasSize(60).endsWith("=");
        assertThat(c.serviceSpecificCredentialId()).matches("ACCA[A-Z2-7]{17}");
        assertThat(c.serviceName()).isEqualTo(CODECOMMIT);
        assertThat(c.userName()).isEqualTo("jane");
        assertThat(c.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(c.createDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(c.serviceCredentialSecret()).isNull();
        assertThat(storedHash(c.serviceSpecificCredentialId())).hasValueSatisfying(h -> {
            assertThat(h).doesNotContain(c.servicePassword());
            assertThat(Pbkdf2Passwords.standard().verify(c.servicePassword(), h)).isTrue();
        });
    }

    @Test
    void secondSetForAService_isNamedPlusOne_andAThirdIsLimitExceeded_butAnotherServiceStillHasRoom() {
        Entities.user(server, "twice");
        create("twice", CODECOMMIT);

        assertThat(create("twice", CODECOMMIT).serviceUserName()).isEqualTo("twice+1-at-" + ACCOUNT);
        awsError(() -> create("twice", CODECOMMIT), LimitExceededException.class, 409, "LimitExceeded",
                "Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2");
        assertThat(create("twice", "cassandra.amazonaws.com").serviceUserName()).isEqualTo("twice-at-" + ACCOUNT);
    }

    @Test
    void bedrockApiKey_hasAnAliasAndASecret_andMayExpire_whileCodeCommitTakesNoAge() {
        Entities.user(server, "bedrock-user");

        ServiceSpecificCredential key = iam.createServiceSpecificCredential(r -> r.userName("bedrock-user")
                .serviceName("bedrock.amazonaws.com").credentialAgeDays(30)).serviceSpecificCredential();

        assertThat(key.serviceCredentialAlias()).isEqualTo("bedrock-user-at-" + ACCOUNT);
        assertThat(key.serviceCredentialSecret()).isNotBlank();
        assertThat(key.servicePassword()).isNull();
        assertThat(key.serviceUserName()).isNull();
        assertThat(Duration.between(key.createDate(), key.expirationDate())).isEqualTo(Duration.ofDays(30));
        awsError(() -> iam.createServiceSpecificCredential(r -> r.userName("bedrock-user").serviceName(CODECOMMIT)
                .credentialAgeDays(30)), InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void unsupportedService_isNoSuchEntity_withAwsText() {
        Entities.user(server, "s3-user");
        awsError(() -> create("s3-user", "s3.amazonaws.com"), NoSuchEntityException.class, 404, "NoSuchEntity",
                "No such service s3.amazonaws.com is supported for Service Specific Credentials");
    }

    @Test
    void list_answersMetadataWithoutPasswords_filteredByService_orForAllUsers() {
        Entities.user(server, "lister");
        Entities.user(server, "lister-2");
        ServiceSpecificCredential git = create("lister", CODECOMMIT);
        create("lister", "cassandra.amazonaws.com");
        create("lister-2", "logs.amazonaws.com");

        List<ServiceSpecificCredentialMetadata> gitOnly = iam.listServiceSpecificCredentials(r -> r.userName("lister")
                .serviceName(CODECOMMIT)).serviceSpecificCredentials();
        List<ServiceSpecificCredentialMetadata> all = iam.listServiceSpecificCredentials(r -> r.allUsers(true)
                .serviceName("logs.amazonaws.com")).serviceSpecificCredentials();

        assertThat(gitOnly).singleElement().satisfies(m -> {
            assertThat(m.serviceSpecificCredentialId()).isEqualTo(git.serviceSpecificCredentialId());
            assertThat(m.serviceUserName()).isEqualTo("lister-at-" + ACCOUNT);
            assertThat(m.status()).isEqualTo(StatusType.ACTIVE);
        });
        assertThat(iam.listServiceSpecificCredentials(r -> r.userName("lister")).serviceSpecificCredentials())
                .hasSize(2);
        assertThat(all).extracting(ServiceSpecificCredentialMetadata::userName).contains("lister-2");
        awsError(() -> iam.listServiceSpecificCredentials(r -> r.userName("lister").allUsers(true)),
                InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void reset_answersANewPassword_andTheOldOneNoLongerVerifies() {
        Entities.user(server, "resetter");
        ServiceSpecificCredential c = create("resetter", CODECOMMIT);

        ServiceSpecificCredential reset = iam.resetServiceSpecificCredential(r -> r.userName("resetter")
                .serviceSpecificCredentialId(c.serviceSpecificCredentialId())).serviceSpecificCredential();

        assertThat(reset.servicePassword()).hasSize(60).isNotEqualTo(c.servicePassword());
        assertThat(reset.serviceUserName()).isEqualTo(c.serviceUserName());
        String hash = storedHash(c.serviceSpecificCredentialId()).orElseThrow();
        assertThat(Pbkdf2Passwords.standard().verify(c.servicePassword(), hash)).isFalse();
        assertThat(Pbkdf2Passwords.standard().verify(reset.servicePassword(), hash)).isTrue();
    }

    @Test
    void update_setsTheStatus_andDelete_thenTheIdIsNoSuchEntity_withAwsText() {
        Entities.user(server, "updater");
        String id = create("updater", CODECOMMIT).serviceSpecificCredentialId();

        iam.updateServiceSpecificCredential(r -> r.userName("updater").serviceSpecificCredentialId(id)
                .status(StatusType.INACTIVE));
        assertThat(iam.listServiceSpecificCredentials(r -> r.userName("updater")).serviceSpecificCredentials().get(0)
                .status()).isEqualTo(StatusType.INACTIVE);
        iam.deleteServiceSpecificCredential(r -> r.userName("updater").serviceSpecificCredentialId(id));

        awsError(() -> iam.deleteServiceSpecificCredential(r -> r.userName("updater").serviceSpecificCredentialId(id)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "No such credential " + id + " exists");
    }

    @Test
    void anIamUserWithoutUserName_resetsItsOwnCredential_butAnotherUsersIdIsNotFound() {
        Entities.user(server, "owner-ssc");
        Entities.user(server, "other-ssc");
        String own = create("owner-ssc", CODECOMMIT).serviceSpecificCredentialId();
        String others = create("other-ssc", CODECOMMIT).serviceSpecificCredentialId();
        try (IamClient self = SdkFixture.signingAs(server, "owner-ssc",
                SdkFixture.allow("iam:*ServiceSpecificCredential*"))) {
            assertThat(self.resetServiceSpecificCredential(r -> r.serviceSpecificCredentialId(own))
                    .serviceSpecificCredential().userName()).isEqualTo("owner-ssc");
            awsError(() -> self.resetServiceSpecificCredential(r -> r.serviceSpecificCredentialId(others)),
                    NoSuchEntityException.class, 404, "NoSuchEntity", "No such credential " + others + " exists");
        }
    }

    @Test
    void deleteUser_withAServiceCredential_isDeleteConflict() {
        Entities.user(server, "git-holder");
        create("git-holder", CODECOMMIT);
        awsError(() -> iam.deleteUser(r -> r.userName("git-holder")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must remove referenced objects first.");
    }

    @Test
    void createdPassword_isHiddenInTheAuditLog() {
        Entities.user(server, "audited-git");
        ServiceSpecificCredential c = create("audited-git", CODECOMMIT);
        assertThat(server.awaitAuditLine(c.serviceSpecificCredentialId())).contains("HIDDEN_DUE_TO_SECURITY_REASONS")
                .doesNotContain(c.servicePassword());
    }
}
