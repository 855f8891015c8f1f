package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The access key operations through the AWS SDK for Java v2 against an in-process server (IAM API Reference:
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed), and what a key's
 * status does to the requests it signs.
 */
class AccessKeysIntegrationTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void createAccessKey_returnsAnActiveKeyAndItsSecret_onlyOnce() {
        Entities.user(SIGIL.server(), "create-once");

        AccessKey key = SIGIL.root().createAccessKey(r -> r.userName("create-once")).accessKey();

        assertThat(key.userName()).isEqualTo("create-once");
        assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        assertThat(key.createDate()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        List<AccessKeyMetadata> listed = SIGIL.root().listAccessKeys(r -> r.userName("create-once"))
                .accessKeyMetadata();
        assertThat(listed).singleElement().satisfies(m -> {
            assertThat(m.accessKeyId()).isEqualTo(key.accessKeyId());
            assertThat(m.userName()).isEqualTo("create-once");
            assertThat(m.status()).isEqualTo(StatusType.ACTIVE);
            assertThat(m.createDate()).isEqualTo(key.createDate());
        });
    }

    @Test
    void createAccessKey_theSecretIsInTheAnswerOnly_theAuditLogHidesIt() throws Exception {
        Entities.user(SIGIL.server(), "audited");

        AccessKey key = SIGIL.root().createAccessKey(r -> r.userName("audited")).accessKey();

        String audit = awaitAudit(key.accessKeyId());
        assertThat(audit).contains("HIDDEN_DUE_TO_SECURITY_REASONS").doesNotContain(key.secretAccessKey());
    }

    @Test
    void createAccessKey_aThirdKeyOfAUser_isLimitExceededException() {
        Entities.user(SIGIL.server(), "two-keys");
        SIGIL.root().createAccessKey(r -> r.userName("two-keys"));
        SIGIL.root().createAccessKey(r -> r.userName("two-keys"));

        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> SIGIL.root().createAccessKey(r -> r.userName("two-keys")));

        assertThat(e.statusCode()).isEqualTo(409);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void createAccessKey_withoutUserName_byTheRoot_makesARootKey_andTheBootstrapKeyCountsAgainstTwo() {
        AccessKey second = SIGIL.root().createAccessKey().accessKey();
        try {
            assertThat(second.userName()).isNull();
            assertThat(SIGIL.root().listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .containsExactlyInAnyOrder(SigilTestServer.ROOT_KEY_ID, second.accessKeyId());
            LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                    SIGIL.root()::createAccessKey);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
        } finally {
            SIGIL.root().deleteAccessKey(r -> r.accessKeyId(second.accessKeyId()));
        }
    }

    @Test
    void createAccessKey_forAnUnknownUser_isNoSuchEntityException() {
        NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
                () -> SIGIL.root().createAccessKey(r -> r.userName("nobody-here")));

        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody-here cannot be found.");
    }

    @Test
    void aCreatedKey_signsRequests_asItsUser() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "signer");

        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":user/signer");
        }
    }

    @Test
    void anInactiveKey_isRefusedAsInvalidClientTokenId_andWorksAgainOnceActive() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "toggled");
        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            sts.getCallerIdentity();

            SIGIL.root().updateAccessKey(r -> r.userName("toggled").accessKeyId(key.accessKeyId())
                    .status(StatusType.INACTIVE));
            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(SIGIL.root().listAccessKeys(r -> r.userName("toggled")).accessKeyMetadata().get(0).status())
                    .isEqualTo(StatusType.INACTIVE);

            SIGIL.root().updateAccessKey(r -> r.userName("toggled").accessKeyId(key.accessKeyId())
                    .status(StatusType.ACTIVE));
            assertThat(sts.getCallerIdentity().userId()).startsWith("AIDA");
        }
    }

    @Test
    void aDeletedKey_isRefusedAsInvalidClientTokenId() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "deleted-key");
        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            sts.getCallerIdentity();

            SIGIL.root().deleteAccessKey(r -> r.userName("deleted-key").accessKeyId(key.accessKeyId()));

            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
        assertThat(SIGIL.root().listAccessKeys(r -> r.userName("deleted-key")).accessKeyMetadata()).isEmpty();
    }

    @Test
    void updateAndDelete_ofAKeyThatIsNotTheNamedUsers_areNoSuchEntityException() {
        AccessKey other = Entities.userWithKey(SIGIL.server(), "key-owner");
        Entities.user(SIGIL.server(), "not-the-owner");
        String message = "The Access Key with id " + other.accessKeyId() + " cannot be found.";

        NoSuchEntityException update = catchThrowableOfType(NoSuchEntityException.class,
                () -> SIGIL.root().updateAccessKey(r -> r.userName("not-the-owner").accessKeyId(other.accessKeyId())
                        .status(StatusType.INACTIVE)));
        NoSuchEntityException delete = catchThrowableOfType(NoSuchEntityException.class,
                () -> SIGIL.root().deleteAccessKey(r -> r.userName("not-the-owner").accessKeyId(other.accessKeyId())));

        assertThat(update.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(delete.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(SIGIL.root().listAccessKeys(r -> r.userName("key-owner")).accessKeyMetadata()).hasSize(1);
    }

    @Test
    void updateAccessKey_withAStatusOutsideTheEnum_isValidationError() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "bad-status");

        IamException e = catchThrowableOfType(IamException.class, () -> SIGIL.root().updateAccessKey(
                r -> r.userName("bad-status").accessKeyId(key.accessKeyId()).status("Disabled")));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value at "
                + "'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive");
    }

    @Test
    void updateAccessKey_toExpired_isInvalidInput_becauseOnlyIamExpiresKeys() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "expire-me");

        IamException e = catchThrowableOfType(IamException.class, () -> SIGIL.root().updateAccessKey(
                r -> r.userName("expire-me").accessKeyId(key.accessKeyId()).status(StatusType.EXPIRED)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
        assertThat(SIGIL.root().listAccessKeys(r -> r.userName("expire-me")).accessKeyMetadata().get(0).status())
                .isEqualTo(StatusType.ACTIVE);
    }

    @Test
    void listAccessKeys_pagesWithMarkerAndMaxItems_andThePaginatorSeesEveryKey() {
        Entities.user(SIGIL.server(), "paged");
        String a = SIGIL.root().createAccessKey(r -> r.userName("paged")).accessKey().accessKeyId();
        String b = SIGIL.root().createAccessKey(r -> r.userName("paged")).accessKey().accessKeyId();

        var first = SIGIL.root().listAccessKeys(r -> r.userName("paged").maxItems(1));
        var second = SIGIL.root().listAccessKeys(r -> r.userName("paged").maxItems(1).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.marker()).isNull();
        assertThat(SIGIL.root().listAccessKeysPaginator(r -> r.userName("paged").maxItems(1)).accessKeyMetadata()
                .stream().map(AccessKeyMetadata::accessKeyId).toList()).containsExactly(List.of(a, b).stream().sorted()
                .toArray(String[]::new));
    }

    @Test
    void listAccessKeys_ofAUserWithoutKeys_isEmptyAndNotTruncated() {
        Entities.user(SIGIL.server(), "keyless");

        var answer = SIGIL.root().listAccessKeys(r -> r.userName("keyless"));

        assertThat(answer.accessKeyMetadata()).isEmpty();
        assertThat(answer.isTruncated()).isFalse();
    }

    @Test
    void getAccessKeyLastUsed_ofANeverUsedKey_answersNotAvailableAndNoDate() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "never-used");

        var answer = SIGIL.root().getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));

        assertThat(answer.userName()).isEqualTo("never-used");
        assertThat(answer.accessKeyLastUsed().lastUsedDate()).isNull();
        assertThat(answer.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(answer.accessKeyLastUsed().region()).isEqualTo("N/A");
    }

    @Test
    void getAccessKeyLastUsed_afterACall_recordsItsDateServiceAndRegion() throws Exception {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "used-once");
        Instant before = Instant.now().minusSeconds(1);
        try (StsClient sts = SIGIL.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            sts.getCallerIdentity();
        }

        AccessKeyLastUsed used = awaitLastUsed(key.accessKeyId());

        assertThat(used.lastUsedDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(used.serviceName()).isEqualTo("sts");
        assertThat(used.region()).isEqualTo("us-east-1");
    }

    @Test
    void getAccessKeyLastUsed_ofTheRootKey_answersNoUserName_andIamCallsSignedForAwsGlobalCountAsUsEast1()
            throws Exception {
        SIGIL.root().listAccessKeys();

        AccessKeyLastUsed used = awaitLastUsed(SigilTestServer.ROOT_KEY_ID);

        assertThat(SIGIL.root().getAccessKeyLastUsed(r -> r.accessKeyId(SigilTestServer.ROOT_KEY_ID)).userName())
                .isNull();
        assertThat(used.serviceName()).isEqualTo("iam");
        assertThat(used.region()).isEqualTo("us-east-1");
    }

    /** As AWS answered it in LocalStack's AWS-validated snapshots (2026): not NoSuchEntity, as UpdateAccessKey is. */
    @Test
    void getAccessKeyLastUsed_ofAnUnknownKey_isAccessDenied_namingTheCallerAndTheKey() {
        IamException e = catchThrowableOfType(IamException.class,
                () -> SIGIL.root().getAccessKeyLastUsed(r -> r.accessKeyId("AKIAIOSFODNN7EXAMPLE")));

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                + ":root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key "
                + "AKIAIOSFODNN7EXAMPLE");
        assertThat(catchThrowableOfType(NoSuchEntityException.class, () -> SIGIL.root().updateAccessKey(r -> r
                .accessKeyId("AKIAIOSFODNN7EXAMPLE").status("Inactive"))).awsErrorDetails().errorMessage())
                .isEqualTo("The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.");
    }

    @Test
    void aUser_managesItsOwnKeysWithoutNamingItself_whenAPolicyAllowsIt() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "self-service");
        SIGIL.root().putUserPolicy(r -> r.userName("self-service").policyName("own-keys").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:*AccessKey*\","
                        + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}}"));
        try (IamClient self = SIGIL.server().iam(key.accessKeyId(), key.secretAccessKey())) {
            AccessKey second = self.createAccessKey().accessKey();
            assertThat(second.userName()).isEqualTo("self-service");
            assertThat(self.listAccessKeys().accessKeyMetadata()).hasSize(2);
            self.updateAccessKey(r -> r.accessKeyId(second.accessKeyId()).status(StatusType.INACTIVE));
            self.deleteAccessKey(r -> r.accessKeyId(second.accessKeyId()));
            assertThat(self.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .containsExactly(key.accessKeyId());
        }
    }

    @Test
    void aUserWithoutPolicies_isDeniedCreatingKeys() {
        AccessKey key = Entities.userWithKey(SIGIL.server(), "no-policy");
        try (IamClient self = SIGIL.server().iam(key.accessKeyId(), key.secretAccessKey())) {
            IamException e = catchThrowableOfType(IamException.class, self::createAccessKey);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
        assertThat(SIGIL.root().listAccessKeys(r -> r.userName("no-policy")).accessKeyMetadata()).hasSize(1);
    }

    /** The audit log's text once it mentions {@code needle}. */
    private static String awaitAudit(String needle) throws Exception {
        Path dir = SIGIL.server().app().dataDir().resolve("audit");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    all.append(Files.readString(f));
                }
            }
            if (all.indexOf(needle) >= 0 || System.nanoTime() > deadline) {
                assertThat(all.toString()).contains(needle);
                return all.toString();
            }
            Thread.sleep(50);
        }
    }

    private static AccessKeyLastUsed awaitLastUsed(String accessKeyId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            AccessKeyLastUsed used = SIGIL.root().getAccessKeyLastUsed(r -> r.accessKeyId(accessKeyId))
                    .accessKeyLastUsed();
            if (used.lastUsedDate() != null || System.nanoTime() > deadline) {
                return used;
            }
            Thread.sleep(100);
        }
    }
}
