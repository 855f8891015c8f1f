package io.sigil.server.api.sts;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.sigil.server.api.sts.RoleFixture.ACCT;
import static io.sigil.server.api.sts.RoleFixture.role;
import static io.sigil.server.api.sts.RoleFixture.roleArn;
import static io.sigil.server.api.sts.RoleFixture.trust;
import static io.sigil.server.api.sts.RoleFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Revoke active sessions" end to end (IAM User Guide, "Revoke IAM role temporary security credentials"): the console
 * puts an inline policy named AWSRevokeOlderSessions on the role, denying every action to sessions whose
 * aws:TokenIssueTime is before the moment of revocation. Sessions issued before it stop working at once, for IAM and
 * STS alike; sessions issued after it work; the role itself is untouched.
 */
class RevokeOlderSessionsSdkTest {
    private final SigilTestServer server = StsServer.get();

    /** The policy the console writes: Deny * on * when aws:TokenIssueTime is before the revocation time. */
    private static String revokeOlderSessions(Instant revokedAt) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + revokedAt
                + "\"}}}]}";
    }

    private Credentials assume(AccessKey key, String roleArn) {
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            return sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("worker")).credentials();
        }
    }

    @Test
    void awsRevokeOlderSessions_deniesSessionsIssuedBeforeIt_andNotThoseIssuedAfter() {
        AccessKey key = StsServer.user("revoke-assumer", null);
        role("revoke-target", trust(userArn("revoke-assumer"), "\"sts:AssumeRole\"", null), null);
        role("revoke-role", trust(userArn("revoke-assumer"), "\"sts:AssumeRole\"", null),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"iam:ListUsers\",\"sts:AssumeRole\"],\"Resource\":\"*\"}]}");
        String arn = roleArn(ACCT, "revoke-role");

        Credentials older = assume(key, arn);
        try (IamClient iam = server.iam(older)) {
            assertThat(iam.listUsers().users()).isNotEmpty();
        }
        Instant revokedAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        try (IamClient root = server.rootIam()) {
            root.putRolePolicy(r -> r.roleName("revoke-role").policyName("AWSRevokeOlderSessions")
                    .policyDocument(revokeOlderSessions(revokedAt)));
        }

        try (IamClient iam = server.iam(older)) {
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCT
                        + ":assumed-role/revoke-role/worker is not authorized to perform: iam:ListUsers on resource: "
                        + "arn:aws:iam::" + ACCT + ":user/ with an explicit deny in an identity-based policy");
            });
        }
        try (StsClient sts = server.sts(older)) {
            assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(roleArn(ACCT, "revoke-target"))
                    .roleSessionName("chained"))).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
            assertThat(sts.getCallerIdentity().arn()).as("GetCallerIdentity needs no permission")
                    .endsWith(":assumed-role/revoke-role/worker");
        }

        server.clock().set(Duration.ofSeconds(5));
        try {
            Credentials newer = assume(key, arn);
            try (IamClient iam = server.iam(newer)) {
                assertThat(iam.listUsers().users()).isNotEmpty();
            }
        } finally {
            server.clock().set(Duration.ZERO);
        }
    }
}
