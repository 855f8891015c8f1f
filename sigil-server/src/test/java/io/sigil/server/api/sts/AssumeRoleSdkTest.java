package io.sigil.server.api.sts;

import io.sigil.iam.model.Role;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static io.sigil.server.api.sts.RoleFixture.ACCT;
import static io.sigil.server.api.sts.RoleFixture.OTHER;
import static io.sigil.server.api.sts.RoleFixture.role;
import static io.sigil.server.api.sts.RoleFixture.roleArn;
import static io.sigil.server.api.sts.RoleFixture.trust;
import static io.sigil.server.api.sts.RoleFixture.userArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AssumeRole through the SDK: the trust policy as the resource-based policy with the caller's identity policies, in
 * the same account and across accounts (AWS STS API Reference, "AssumeRole"; spec §10 F42–F44, F64, H88).
 */
class AssumeRoleSdkTest {
    private static final String ASSUME = "\"sts:AssumeRole\"";
    private final SigilTestServer server = StsServer.get();

    private AssumeRoleResponse assume(String keyId, String secret, Consumer<AssumeRoleRequest.Builder> r) {
        try (StsClient sts = server.sts(keyId, secret)) {
            return sts.assumeRole(r);
        }
    }

    private AssumeRoleResponse assume(AccessKey key, Consumer<AssumeRoleRequest.Builder> r) {
        return assume(key.accessKeyId(), key.secretAccessKey(), r);
    }

    private static void deniedFor(Runnable call, String callerArn, String action, String roleArn) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + callerArn
                    + " is not authorized to perform: " + action + " on resource: " + roleArn);
        });
    }

    private static long secondsLeft(Credentials c) {
        return Duration.between(Instant.now(), c.expiration()).getSeconds();
    }

    @Test
    void aTrustPolicyNamingTheUser_suffices_inTheSameAccount_andTheSessionIsTheAssumedRole() {
        AccessKey key = StsServer.user("ar-direct", null);
        Role r = role("ar-direct-role", trust(userArn("ar-direct"), ASSUME, null), null);
        AssumeRoleResponse out = assume(key, b -> b.roleArn(r.arn()).roleSessionName("s1"));

        String sessionArn = "arn:aws:sts::" + ACCT + ":assumed-role/ar-direct-role/s1";
        assertThat(out.assumedRoleUser().arn()).isEqualTo(sessionArn);
        assertThat(out.assumedRoleUser().assumedRoleId()).isEqualTo(r.id() + ":s1");
        assertThat(out.packedPolicySize()).isNull();
        assertThat(secondsLeft(out.credentials())).as("default 3,600 s").isBetween(3590L, 3600L);
        try (StsClient sts = server.sts(out.credentials())) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo(sessionArn);
            assertThat(me.userId()).isEqualTo(r.id() + ":s1");
        }
    }

    @Test
    void aTrustPolicyNamingTheAccount_delegates_soTheUserNeedsAnIdentityAllow() {
        Role r = role("ar-account-role", trust("arn:aws:iam::" + ACCT + ":root", ASSUME, null), null);
        AccessKey without = StsServer.user("ar-account-none", null);
        deniedFor(() -> assume(without, b -> b.roleArn(r.arn()).roleSessionName("s1")),
                userArn("ar-account-none"), "sts:AssumeRole", r.arn());
        AccessKey with = StsServer.user("ar-account-allowed", StsServer.policy("Allow", ASSUME, r.arn()));
        assertThat(assume(with, b -> b.roleArn(r.arn()).roleSessionName("s1")).credentials()).isNotNull();
    }

    @Test
    void aRoleThatDoesNotExist_isTheSameAccessDenied() {
        AccessKey key = StsServer.user("ar-missing", StsServer.policy("Allow", ASSUME, "*"));
        String arn = roleArn(ACCT, "no-such-role");
        deniedFor(() -> assume(key, b -> b.roleArn(arn).roleSessionName("s1")), userArn("ar-missing"),
                "sts:AssumeRole", arn);
    }

    @Test
    void theRootUser_cannotAssumeRoles() {
        Role r = role("ar-root-role", trust("arn:aws:iam::" + ACCT + ":root", ASSUME, null), null);
        try (StsClient root = server.rootSts()) {
            assertThatThrownBy(() -> root.assumeRole(b -> b.roleArn(r.arn()).roleSessionName("s1")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Roles may not be assumed by root accounts.");
                    });
        }
    }

    @Test
    void crossAccount_needsTheTrustOfTheRolesAccountAndTheCallersOwnAllow() {
        Role r = role(ACCT, "ar-cross-role", trust("arn:aws:iam::" + OTHER + ":root", ASSUME, null), null,
                3600, List.of());
        String[] allowed = RoleFixture.otherAccountUser("ar-cross-allowed", StsServer.policy("Allow", ASSUME, "*"));
        AssumeRoleResponse out = assume(allowed[0], allowed[1], b -> b.roleArn(r.arn()).roleSessionName("s1"));
        assertThat(out.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + ACCT + ":assumed-role/ar-cross-role/s1");

        String[] noPolicy = RoleFixture.otherAccountUser("ar-cross-none", null);
        deniedFor(() -> assume(noPolicy[0], noPolicy[1], b -> b.roleArn(r.arn()).roleSessionName("s1")),
                "arn:aws:iam::" + OTHER + ":user/ar-cross-none", "sts:AssumeRole", r.arn());

        Role untrusting = role(ACCT, "ar-cross-untrusting", trust(userArn("someone"), ASSUME, null), null, 3600,
                List.of());
        deniedFor(() -> assume(allowed[0], allowed[1], b -> b.roleArn(untrusting.arn()).roleSessionName("s1")),
                "arn:aws:iam::" + OTHER + ":user/ar-cross-allowed", "sts:AssumeRole", untrusting.arn());
    }

    @Test
    void f44_theExternalIdCondition_holdsOnlyForTheRightId() {
        AccessKey key = StsServer.user("ar-external", null);
        Role r = role("ar-external-role", trust(userArn("ar-external"), ASSUME,
                "{\"StringEquals\":{\"sts:ExternalId\":\"12345\"}}"), null);
        assertThat(assume(key, b -> b.roleArn(r.arn()).roleSessionName("s1").externalId("12345")).credentials())
                .isNotNull();
        deniedFor(() -> assume(key, b -> b.roleArn(r.arn()).roleSessionName("s1").externalId("67890")),
                userArn("ar-external"), "sts:AssumeRole", r.arn());
        deniedFor(() -> assume(key, b -> b.roleArn(r.arn()).roleSessionName("s1")),
                userArn("ar-external"), "sts:AssumeRole", r.arn());
    }

    @Test
    void durationSeconds_900ToTheRolesMaxSessionDuration() {
        AccessKey key = StsServer.user("ar-duration", null);
        Role oneHour = role("ar-duration-1h", trust(userArn("ar-duration"), ASSUME, null), null);
        Role twelve = role(ACCT, "ar-duration-12h", trust(userArn("ar-duration"), ASSUME, null), null, 43_200,
                List.of());
        assertThat(secondsLeft(assume(key, b -> b.roleArn(oneHour.arn()).roleSessionName("s1").durationSeconds(900))
                .credentials())).isBetween(890L, 900L);
        assertThat(secondsLeft(assume(key, b -> b.roleArn(oneHour.arn()).roleSessionName("s1").durationSeconds(3600))
                .credentials())).isBetween(3590L, 3600L);
        assertThatThrownBy(() -> assume(key, b -> b.roleArn(oneHour.arn()).roleSessionName("s1").durationSeconds(3601)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
                });
        assertThatThrownBy(() -> assume(key, b -> b.roleArn(oneHour.arn()).roleSessionName("s1").durationSeconds(899)))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("greater than or equal to 900"));
        assertThat(secondsLeft(assume(key, b -> b.roleArn(twelve.arn()).roleSessionName("s1")
                .durationSeconds(43_200)).credentials())).isBetween(43_190L, 43_200L);
        assertThatThrownBy(() -> assume(key, b -> b.roleArn(twelve.arn()).roleSessionName("s1")
                .durationSeconds(43_201))).isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    }

    @Test
    void f64_roleChaining_isCappedAtOneHour() {
        AccessKey key = StsServer.user("ar-chain", null);
        Role a = role("ar-chain-a", trust(userArn("ar-chain"), ASSUME, null), null);
        Role b = role(ACCT, "ar-chain-b", trust("arn:aws:sts::" + ACCT + ":assumed-role/ar-chain-a/first", ASSUME,
                null), null, 43_200, List.of());
        Credentials first = assume(key, r -> r.roleArn(a.arn()).roleSessionName("first").durationSeconds(3600))
                .credentials();
        try (StsClient sts = server.sts(first)) {
            refusedAsChaining(() -> sts.assumeRole(r -> r.roleArn(b.arn()).roleSessionName("second")
                    .durationSeconds(7200)));
            AssumeRoleResponse second = sts.assumeRole(r -> r.roleArn(b.arn()).roleSessionName("second")
                    .durationSeconds(3600));
            assertThat(second.assumedRoleUser().arn()).endsWith(":assumed-role/ar-chain-b/second");
        }
    }

    /** AWS holds GetSessionToken's credentials to the same hour (AWS Knowledge Center, "iam-role-chaining-limit"). */
    @Test
    void assumingARoleWithGetSessionTokenCredentials_isCappedAtOneHourToo() {
        AccessKey key = StsServer.user("ar-gst", null);
        Role twelve = role(ACCT, "ar-gst-role", trust(userArn("ar-gst"), ASSUME, null), null, 43_200, List.of());
        Credentials session;
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            session = sts.getSessionToken().credentials();
        }
        try (StsClient sts = server.sts(session)) {
            refusedAsChaining(() -> sts.assumeRole(r -> r.roleArn(twelve.arn()).roleSessionName("gst")
                    .durationSeconds(3601)));
            assertThat(secondsLeft(sts.assumeRole(r -> r.roleArn(twelve.arn()).roleSessionName("gst")
                    .durationSeconds(3600)).credentials())).isBetween(3590L, 3600L);
        }
    }

    @Test
    void roleSessionName_isTwoToSixtyFourCharactersOfThePattern() {
        AccessKey key = StsServer.user("ar-names", null);
        Role r = role("ar-names-role", trust(userArn("ar-names"), ASSUME, null), null);
        assertThat(assume(key, b -> b.roleArn(r.arn()).roleSessionName("a".repeat(64))).assumedRoleUser().arn())
                .endsWith("/" + "a".repeat(64));
        for (String bad : new String[] {"a", "a".repeat(65), "Bob Smith"}) {
            assertThatThrownBy(() -> assume(key, b -> b.roleArn(r.arn()).roleSessionName(bad)))
                    .isInstanceOfSatisfying(StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        }
    }

    @Test
    void anMfaSerialNumberOfNoDevice_isAccessDenied() {
        AccessKey key = StsServer.user("ar-mfa", null);
        Role r = role("ar-mfa-role", trust(userArn("ar-mfa"), ASSUME, null), null);
        assertThatThrownBy(() -> assume(key, b -> b.roleArn(r.arn()).roleSessionName("s1")
                .serialNumber("arn:aws:iam::" + ACCT + ":mfa/ar-mfa").tokenCode("123456")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("MultiFactorAuthentication failed, unable to validate MFA code."));
    }

    /** AWS's refusal of more than an hour for a role assumed with temporary credentials (role chaining). */
    private static void refusedAsChaining(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The requested DurationSeconds exceeds the 1 "
                    + "hour session limit for roles assumed by role chaining.");
        });
    }
}
