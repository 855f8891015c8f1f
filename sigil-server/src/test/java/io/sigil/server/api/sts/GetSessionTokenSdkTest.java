package io.sigil.server.api.sts;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GetSessionToken through the SDK (AWS STS API Reference, "GetSessionToken"; spec §5.8, §10 H88, G89). */
class GetSessionTokenSdkTest {
    private final SigilTestServer server = StsServer.get();

    private Credentials token(AccessKey key, Integer seconds) {
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            return sts.getSessionToken(r -> r.durationSeconds(seconds)).credentials();
        }
    }

    private static long secondsLeft(Credentials c) {
        return Duration.between(Instant.now(), c.expiration()).getSeconds();
    }

    @Test
    void aUserWithoutAnyPolicy_getsASessionToken_asNoPermissionIsRequired() {
        Credentials c = token(StsServer.user("gst-plain", null), null);

        assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(c.secretAccessKey()).hasSize(40);
        assertThat(c.sessionToken()).isNotBlank();
        assertThat(secondsLeft(c)).as("default 43,200 s").isBetween(43_190L, 43_200L);
    }

    @Test
    void theSessionIsTheUserItself_forGetCallerIdentity() {
        AccessKey key = StsServer.user("gst-self", null);
        try (StsClient sts = server.sts(token(key, 900))) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo("arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":user/gst-self");
            assertThat(me.userId()).startsWith("AIDA");
            assertThat(me.account()).isEqualTo(SigilTestServer.ACCOUNT_ID);
        }
    }

    @Test
    void durationSeconds_900And129600AreAccepted_899And129601Refused() {
        AccessKey key = StsServer.user("gst-bounds", null);
        assertThat(secondsLeft(token(key, 900))).isBetween(890L, 900L);
        assertThat(secondsLeft(token(key, 129_600))).isBetween(129_590L, 129_600L);
        assertThatThrownBy(() -> token(key, 899)).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).contains("'899' at 'durationSeconds'")
                    .contains("greater than or equal to 900");
        });
        assertThatThrownBy(() -> token(key, 129_601)).isInstanceOfSatisfying(StsException.class, e ->
                assertThat(e.awsErrorDetails().errorMessage()).contains("less than or equal to 129600"));
    }

    @Test
    void theRootUser_getsAtMostOneHour_3600Kept_3601AndTheDefaultCutToAnHour() {
        try (StsClient root = server.rootSts()) {
            assertThat(secondsLeft(root.getSessionToken(r -> r.durationSeconds(3600)).credentials()))
                    .isBetween(3590L, 3600L);
            assertThat(secondsLeft(root.getSessionToken(r -> r.durationSeconds(3601)).credentials()))
                    .isBetween(3590L, 3600L);
            assertThat(secondsLeft(root.getSessionToken(r -> { }).credentials())).isBetween(3590L, 3600L);
            assertThat(secondsLeft(root.getSessionToken(r -> r.durationSeconds(900)).credentials()))
                    .isBetween(890L, 900L);
        }
    }

    @Test
    void anMfaSerialNumberOfNoDevice_isAccessDenied_withStsText() {
        AccessKey key = StsServer.user("gst-mfa", null);
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(() -> sts.getSessionToken(r -> r.serialNumber(
                    "arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":mfa/gst-mfa").tokenCode("123456")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("MultiFactorAuthentication failed,"
                                + " unable to validate MFA code.  Please verify your MFA serial number is valid and"
                                + " associated with this user.");
                    });
        }
    }

    @Test
    void sessionCredentials_cannotCallGetSessionTokenAgain() {
        try (StsClient sts = server.sts(token(StsServer.user("gst-again", null), 900))) {
            assertThatThrownBy(() -> sts.getSessionToken(r -> { })).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Cannot call GetSessionToken with session credentials");
            });
            assertThatThrownBy(() -> sts.getFederationToken(r -> r.name("x1")))
                    .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Cannot call GetFederationToken with session credentials"));
        }
    }

    @Test
    void sessionCredentialsWithoutMfa_cannotCallIam_evenWithAnIamAllow() {
        AccessKey key = StsServer.user("gst-iam", StsServer.policy("Allow", "\"iam:*\"", "*"));
        try (IamClient iam = server.iam(token(key, 900))) {
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid");
            });
        }
    }

    @Test
    void theRootsSessionWithoutMfa_cannotCallIamEither() {
        Credentials c;
        try (StsClient root = server.rootSts()) {
            c = root.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        try (IamClient iam = server.iam(c)) {
            assertThatThrownBy(iam::listUsers).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }
}
