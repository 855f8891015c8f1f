package io.sigil.server.api.sts;

import io.sigil.iam.sts.AssumeRootService;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AssumeRoot through the SDK (AWS STS API Reference, "AssumeRoot"). Sigil has no Organizations, so no account is a
 * member of the caller's organization with root sessions enabled, and AWS refuses every AssumeRoot in that state;
 * before that come the global endpoint's InvalidAction, the request constraints, and the caller's sts:AssumeRoot
 * permission.
 */
class AssumeRootSdkTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private static final String MEMBER = "111122223333";
    private static final String AUDIT_TASK = "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials";
    private final SigilTestServer server = StsServer.get();

    private StsClient sts(Region region, AccessKey key) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private void assumeRoot(Region region, AccessKey key, Consumer<AssumeRootRequest.Builder> r) {
        try (StsClient sts = sts(region, key)) {
            sts.assumeRoot(r);
        }
    }

    private static Consumer<AssumeRootRequest.Builder> member(String task, Integer duration) {
        return r -> r.targetPrincipal(MEMBER).taskPolicyArn(p -> p.arn(task)).durationSeconds(duration);
    }

    private static void fails(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            if (message != null) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            }
        });
    }

    private static String allowAssumeRoot(String conditionJson) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRoot\","
                + "\"Resource\":\"arn:aws:iam::*:root\""
                + (conditionJson == null ? "" : ",\"Condition\":" + conditionJson) + "}]}";
    }

    @Test
    void theGlobalEndpoint_doesNotOfferAssumeRoot_InvalidActionUnknownOperation() {
        AccessKey key = StsServer.user("root-global", allowAssumeRoot(null));
        fails(() -> assumeRoot(Region.AWS_GLOBAL, key, member(AUDIT_TASK, 900)), 400, "InvalidAction",
                "Unknown Operation");
    }

    @Test
    void aCallerAllowedSts_AssumeRoot_isStillRefused_forNoAccountIsAMemberOfItsOrganization() {
        AccessKey key = StsServer.user("root-allowed", allowAssumeRoot(null));
        fails(() -> assumeRoot(Region.US_EAST_1, key, member(AUDIT_TASK, 900)), 403, "AccessDenied",
                "User: arn:aws:iam::" + ACCT + ":user/root-allowed is not authorized to perform: sts:AssumeRoot on "
                        + "resource: arn:aws:iam::" + MEMBER + ":root");
        fails(() -> assumeRoot(Region.EU_CENTRAL_1, key, r -> r.targetPrincipal("arn:aws:iam::" + MEMBER + ":root")
                        .taskPolicyArn(p -> p.arn(AUDIT_TASK))), 403, "AccessDenied",
                "User: arn:aws:iam::" + ACCT + ":user/root-allowed is not authorized to perform: sts:AssumeRoot on "
                        + "resource: arn:aws:iam::" + MEMBER + ":root");
    }

    @Test
    void aCallerWithoutSts_AssumeRoot_isRefusedBecauseNoIdentityPolicyAllowsIt() {
        AccessKey key = StsServer.user("root-nobody", null);
        fails(() -> assumeRoot(Region.US_WEST_2, key, member(AUDIT_TASK, null)), 403, "AccessDenied",
                "User: arn:aws:iam::" + ACCT + ":user/root-nobody is not authorized to perform: sts:AssumeRoot on "
                        + "resource: arn:aws:iam::" + MEMBER + ":root because no identity-based policy allows the "
                        + "sts:AssumeRoot action");
    }

    @Test
    void stsTaskPolicyArn_isInTheContext_ofTheCallersPermission() {
        String s3Unlock = "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy";
        AccessKey key = StsServer.user("root-s3-only",
                allowAssumeRoot("{\"ArnEquals\":{\"sts:TaskPolicyArn\":\"" + s3Unlock + "\"}}"));
        String base = "User: arn:aws:iam::" + ACCT + ":user/root-s3-only is not authorized to perform: "
                + "sts:AssumeRoot on resource: arn:aws:iam::" + MEMBER + ":root";

        for (String task : AssumeRootService.TASK_POLICIES) {
            fails(() -> assumeRoot(Region.US_EAST_1, key, member(task, 900)), 403, "AccessDenied",
                    task.equals(s3Unlock) ? base
                            : base + " because no identity-based policy allows the sts:AssumeRoot action");
        }
    }

    @ParameterizedTest(name = "DurationSeconds {0} is within 0..900 and reaches the organization check")
    @ValueSource(ints = {0, 1, 899, 900})
    void durationSeconds_from0To900_isValid(int seconds) {
        AccessKey key = StsServer.user("root-dur-" + seconds, allowAssumeRoot(null));
        fails(() -> assumeRoot(Region.US_EAST_1, key, member(AUDIT_TASK, seconds)), 403, "AccessDenied", null);
    }

    @Test
    void durationSeconds_above900OrBelow0_isValidationError() {
        AccessKey key = StsServer.user("root-dur-bad", allowAssumeRoot(null));
        fails(() -> assumeRoot(Region.US_EAST_1, key, member(AUDIT_TASK, 901)), 400, "ValidationError",
                "1 validation error detected: Value '901' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 900");
        fails(() -> assumeRoot(Region.US_EAST_1, key, member(AUDIT_TASK, -1)), 400, "ValidationError",
                "1 validation error detected: Value '-1' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 0");
    }

    @Test
    void targetPrincipal_shorterThan12_isValidationError_andBothRequiredMembersAreChecked() {
        AccessKey key = StsServer.user("root-target-bad", allowAssumeRoot(null));
        fails(() -> assumeRoot(Region.US_EAST_1, key, r -> r.targetPrincipal("12345678901")
                        .taskPolicyArn(p -> p.arn(AUDIT_TASK))), 400, "ValidationError",
                "1 validation error detected: Value '12345678901' at 'targetPrincipal' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 12");
        fails(() -> assumeRoot(Region.US_EAST_1, key, r -> r.targetPrincipal(MEMBER)), 400, "ValidationError",
                "1 validation error detected: Value null at 'taskPolicyArn' failed to satisfy constraint: "
                        + "Member must not be null");
    }
}
