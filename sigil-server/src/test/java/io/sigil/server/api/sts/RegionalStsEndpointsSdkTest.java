package io.sigil.server.api.sts;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import static io.sigil.server.api.sts.RoleFixture.role;
import static io.sigil.server.api.sts.RoleFixture.trust;
import static io.sigil.server.api.sts.RoleFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regional STS endpoints (AWS STS API Reference, "Endpoints"; IAM User Guide, "Manage AWS STS in an AWS Region"): STS
 * answers requests signed for any region of the partition and for {@code aws-global}; IAM, a global service, only
 * for us-east-1 / aws-global. The signing region is aws:RequestedRegion.
 */
class RegionalStsEndpointsSdkTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private final SigilTestServer server = StsServer.get();

    private StsClient sts(Region region, String keyId, String secret) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private IamClient iam(Region region, String keyId, String secret) {
        return IamClient.builder().endpointOverride(server.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @ParameterizedTest(name = "STS answers a request signed for {0}")
    @ValueSource(strings = {"us-east-1", "aws-global", "us-west-2", "eu-central-1", "ap-southeast-2", "sa-east-1",
            "af-south-1", "il-central-1"})
    void sts_acceptsEveryRegionOfThePartition(String region) {
        try (StsClient sts = sts(Region.of(region), SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(ACCT);
        }
    }

    @ParameterizedTest(name = "STS refuses a credential scoped to {0}")
    @ValueSource(strings = {"us-east-7", "cn-north-1", "us-gov-west-1"})
    void sts_refusesRegionsOutsideThePartition_asSignatureDoesNotMatch(String region) {
        try (StsClient sts = sts(Region.of(region), SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Credential should be scoped to a valid region, not '" + region + "'.");
            });
        }
    }

    @Test
    void iam_staysGlobal_aRequestSignedForUsWest2IsSignatureDoesNotMatch() {
        try (IamClient iam = iam(Region.US_WEST_2, SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)) {
            assertThatThrownBy(() -> iam.listUsers()).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("Credential should be scoped to a valid region, not 'us-west-2'.");
            });
        }
        try (IamClient iam = iam(Region.US_EAST_1, SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)) {
            assertThat(iam.listUsers().users()).isNotNull();
        }
    }

    @Test
    void theSigningRegion_isAwsRequestedRegion_forTheCallsAuthorisation() {
        String onlyEu = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:GetFederationToken\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-central-1\"}}}]}";
        AccessKey key = StsServer.user("region-fed", onlyEu);
        String policy = StsServer.policy("Allow", "\"s3:GetObject\"", "*");

        try (StsClient eu = sts(Region.EU_CENTRAL_1, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(eu.getFederationToken(r -> r.name("EuOnly").policy(policy)).federatedUser().arn())
                    .isEqualTo("arn:aws:sts::" + ACCT + ":federated-user/EuOnly");
        }
        try (StsClient us = sts(Region.US_WEST_2, key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(() -> us.getFederationToken(r -> r.name("EuOnly").policy(policy)))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).contains("sts:GetFederationToken");
                    });
        }
    }

    @Test
    void theGlobalEndpoint_isUsEast1_asAwsRequestedRegion() {
        String onlyUsEast1 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:GetFederationToken\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}}]}";
        AccessKey key = StsServer.user("region-global", onlyUsEast1);
        try (StsClient global = sts(Region.AWS_GLOBAL, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(global.getFederationToken(r -> r.name("Global")
                    .policy(StsServer.policy("Allow", "\"s3:GetObject\"", "*"))).credentials()).isNotNull();
        }
    }

    @Test
    void assumeRoleInARegion_isRecordedAsTheRolesLastUsedRegion_andMatchesATrustConditionOnIt() {
        AccessKey key = StsServer.user("region-assumer", null);
        role("region-role", trust(userArn("region-assumer"), "\"sts:AssumeRole\"",
                "{\"StringEquals\":{\"aws:RequestedRegion\":\"ap-southeast-2\"}}"), null);
        String arn = RoleFixture.roleArn(ACCT, "region-role");

        try (StsClient eu = sts(Region.EU_WEST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(() -> eu.assumeRole(r -> r.roleArn(arn).roleSessionName("sess")))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
        }
        try (StsClient ap = sts(Region.AP_SOUTHEAST_2, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(ap.assumeRole(r -> r.roleArn(arn).roleSessionName("sess")).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::" + ACCT + ":assumed-role/region-role/sess");
        }
        try (IamClient root = server.rootIam()) {
            assertThat(root.getRole(r -> r.roleName("region-role")).role().roleLastUsed().region())
                    .isEqualTo("ap-southeast-2");
        }
    }

    @Test
    void aRegionalCall_isAuditedInItsRegion_andAGlobalOneInUsEast1() throws Exception {
        AccessKey key = StsServer.user("region-audit", null);
        try (StsClient eu = sts(Region.EU_NORTH_1, key.accessKeyId(), key.secretAccessKey())) {
            eu.getCallerIdentity();
        }
        try (StsClient global = sts(Region.AWS_GLOBAL, key.accessKeyId(), key.secretAccessKey())) {
            global.getSessionToken();
        }
        // CloudTrail User Guide, "AWS STS": calls to a regional endpoint are logged in that region, calls to the
        // global endpoint in us-east-1.
        assertThat(auditLine("\"eventName\":\"GetCallerIdentity\"", key.accessKeyId()))
                .contains("\"awsRegion\":\"eu-north-1\"");
        assertThat(auditLine("\"eventName\":\"GetSessionToken\"", key.accessKeyId()))
                .contains("\"awsRegion\":\"us-east-1\"");
    }

    /** The audit event (a JSON line) containing both needles, waiting up to 5 s for the background writer. */
    private String auditLine(String needle, String other) throws Exception {
        java.nio.file.Path dir = server.app().dataDir().resolve("audit");
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            if (java.nio.file.Files.isDirectory(dir)) {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                    for (java.nio.file.Path f : files.toList()) {
                        for (String line : java.nio.file.Files.readAllLines(f)) {
                            if (line.contains(needle) && line.contains(other)) {
                                return line;
                            }
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no audit event with " + needle + " and " + other);
    }
}
