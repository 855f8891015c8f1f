package io.sigil.server.api.sts;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GetFederationToken through the SDK (AWS STS API Reference, "GetFederationToken"; spec §5.8, §10 F52, G89, H88). */
class GetFederationTokenSdkTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private static final String ALLOW_ALL_FEDERATION = StsServer.policy("Allow", "\"sts:GetFederationToken\"",
            "arn:aws:sts::" + ACCT + ":federated-user/*");
    private final SigilTestServer server = StsServer.get();

    private GetFederationTokenResponse federate(AccessKey key, Consumer<GetFederationTokenRequest.Builder> r) {
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            return sts.getFederationToken(r);
        }
    }

    private static long secondsLeft(Credentials c) {
        return Duration.between(Instant.now(), c.expiration()).getSeconds();
    }

    @Test
    void theFederatedUser_isNamedByAccountAndName_andIsTheCallerOfItsCredentials() {
        AccessKey key = StsServer.user("gft-app", ALLOW_ALL_FEDERATION);
        GetFederationTokenResponse t = federate(key, r -> r.name("Jean").policy(
                StsServer.policy("Allow", "\"s3:GetObject\"", "*")));

        assertThat(t.federatedUser().arn()).isEqualTo("arn:aws:sts::" + ACCT + ":federated-user/Jean");
        assertThat(t.federatedUser().federatedUserId()).isEqualTo(ACCT + ":Jean");
        assertThat(t.packedPolicySize()).isBetween(1, 20);
        assertThat(t.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(secondsLeft(t.credentials())).as("default 43,200 s").isBetween(43_190L, 43_200L);
        try (StsClient sts = server.sts(t.credentials())) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo("arn:aws:sts::" + ACCT + ":federated-user/Jean");
            assertThat(me.userId()).isEqualTo(ACCT + ":Jean");
            assertThat(me.account()).isEqualTo(ACCT);
        }
    }

    @Test
    void f52_theActionIsAuthorisedOnTheFederatedUserArn() {
        AccessKey key = StsServer.user("gft-managers", StsServer.policy("Allow", "\"sts:GetFederationToken\"",
                "arn:aws:sts::" + ACCT + ":federated-user/Manager*"));
        assertThat(federate(key, r -> r.name("ManagerAnn")).federatedUser().arn()).endsWith("/ManagerAnn");
        assertThatThrownBy(() -> federate(key, r -> r.name("Bob"))).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCT
                    + ":user/gft-managers is not authorized to perform: sts:GetFederationToken on resource: "
                    + "arn:aws:sts::" + ACCT + ":federated-user/Bob because no identity-based policy allows the "
                    + "sts:GetFederationToken action");
        });
    }

    @Test
    void requestTags_areConditionKeysOfTheCall() {
        AccessKey key = StsServer.user("gft-tags", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:GetFederationToken\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:RequestTag/Project\":\"Pegasus\"}}}]}");
        assertThat(federate(key, r -> r.name("tagged").tags(t -> t.key("Project").value("Pegasus")))
                .packedPolicySize()).isPositive();
        assertThatThrownBy(() -> federate(key, r -> r.name("untagged"))).isInstanceOf(StsException.class);
    }

    @Test
    void durationSeconds_900And129600AreAccepted_899And129601Refused_rootCutToAnHour() {
        AccessKey key = StsServer.user("gft-bounds", ALLOW_ALL_FEDERATION);
        assertThat(secondsLeft(federate(key, r -> r.name("d1").durationSeconds(900)).credentials()))
                .isBetween(890L, 900L);
        assertThat(secondsLeft(federate(key, r -> r.name("d2").durationSeconds(129_600)).credentials()))
                .isBetween(129_590L, 129_600L);
        for (int bad : new int[] {899, 129_601}) {
            assertThatThrownBy(() -> federate(key, r -> r.name("d3").durationSeconds(bad)))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
        try (StsClient root = server.rootSts()) {
            assertThat(secondsLeft(root.getFederationToken(r -> r.name("r1").durationSeconds(3601)).credentials()))
                    .isBetween(3590L, 3600L);
            assertThat(secondsLeft(root.getFederationToken(r -> r.name("r2")).credentials())).isBetween(3590L, 3600L);
        }
    }

    @Test
    void name_isTwoToThirtyTwoCharactersOfThePattern() {
        AccessKey key = StsServer.user("gft-names", ALLOW_ALL_FEDERATION);
        assertThat(federate(key, r -> r.name("ab")).federatedUser().arn()).endsWith("/ab");
        assertThat(federate(key, r -> r.name("a".repeat(32))).federatedUser().arn()).endsWith("/" + "a".repeat(32));
        for (String bad : new String[] {"a", "a".repeat(33), "with space"}) {
            assertThatThrownBy(() -> federate(key, r -> r.name(bad))).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
    }

    @Test
    void aMalformedSessionPolicy_isMalformedPolicyDocument() {
        AccessKey key = StsServer.user("gft-malformed", ALLOW_ALL_FEDERATION);
        assertThatThrownBy(() -> federate(key, r -> r.name("m1").policy("{\"Statement\":[{\"Effect\":\"Allow\"}]}")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
                });
    }

    @Test
    void tenPolicyArnsAreAccepted_elevenRefused() {
        AccessKey key = StsServer.user("gft-arns", ALLOW_ALL_FEDERATION);
        List<PolicyDescriptorType> arns = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            arns.add(PolicyDescriptorType.builder().arn("arn:aws:iam::" + ACCT + ":policy/p" + i).build());
        }
        assertThat(federate(key, r -> r.name("ten").policyArns(arns.subList(0, 10))).packedPolicySize()).isPositive();
        assertThatThrownBy(() -> federate(key, r -> r.name("eleven").policyArns(arns)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'policyArns'");
                });
    }

    @Test
    void aPolicyUnder2048CharactersThatPacksTooLarge_isPackedPolicyTooLarge() {
        AccessKey key = StsServer.user("gft-packed", ALLOW_ALL_FEDERATION);
        StringBuilder sb = new StringBuilder();
        Random random = new Random(7);
        while (sb.length() < 1900) {
            sb.append(Integer.toHexString(random.nextInt()));
        }
        String policy = StsServer.policy("Allow", "\"s3:GetObject\"", "arn:aws:s3:::" + sb);
        assertThat(policy.length()).isLessThanOrEqualTo(2048);
        assertThatThrownBy(() -> federate(key, r -> r.name("big").policy(policy)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .matches("Packed policy consumes \\d+% of allotted space");
                });
    }

    @Test
    void g89_federationCredentials_cannotCallIam_norStsButGetCallerIdentity() {
        AccessKey key = StsServer.user("gft-g89", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"sts:*\",\"iam:*\"],\"Resource\":\"*\"}]}");
        Credentials c = federate(key, r -> r.name("g89").policy(StsServer.policy("Allow", "\"*\"", "*")))
                .credentials();
        try (IamClient iam = server.iam(c)) {
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
        try (StsClient sts = server.sts(c)) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":federated-user/g89");
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCT + ":role/any")
                    .roleSessionName("s1"))).isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Cannot call AssumeRole with session credentials");
                    });
            assertThatThrownBy(() -> sts.getFederationToken(r -> r.name("again")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot call GetFederationToken with session credentials"));
            assertThatThrownBy(() -> sts.getSessionToken(r -> { })).isInstanceOf(StsException.class);
        }
    }
}
