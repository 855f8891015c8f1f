package io.sigil.server.api.sts;

import io.sigil.iam.model.User;
import io.sigil.iam.sts.AccessKeyIds;
import io.sigil.iam.sts.IssuedCredentials;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.iam.sts.SessionTokens;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Temporary credentials on the wire: expiry, tampering, MFA context, aws:TokenIssueTime (spec §10 F46, F54, G89).
 * Sessions with MFA are minted with the server's master key, as GetSessionToken would with a verified device.
 */
class SessionCredentialsSdkTest {
    private final SigilTestServer server = StsServer.get();
    private final SessionTokens tokens = new SessionTokens(SigilTestServer.masterBox());

    private Credentials minted(String userName, Instant issued, Instant mfaAt) {
        User u = server.app().store().read(tx -> tx.users().find(SigilTestServer.ACCOUNT_ID, userName)).orElseThrow();
        Session s = new Session(SessionKind.SESSION_TOKEN, u.accountId(), AccessKeyIds.temporary(u.accountId()),
                u.arn(), u.id(), null, issued, issued.plusSeconds(3600), mfaAt, null, List.of(), List.of(), List.of(),
                null, false);
        IssuedCredentials c = tokens.issue(s);
        return Credentials.builder().accessKeyId(c.accessKeyId()).secretAccessKey(c.secretAccessKey())
                .sessionToken(c.sessionToken()).expiration(c.expiration()).build();
    }

    @Test
    void aReplayedTokenAfterItsExpiry_isExpiredToken() {
        AccessKey key = StsServer.user("sc-expiry", null);
        Credentials c;
        server.clock().set(Duration.ofMinutes(-10));
        try {
            try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
                c = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
            }
            try (StsClient sts = server.sts(c)) {
                assertThat(sts.getCallerIdentity().arn()).endsWith(":user/sc-expiry");
            }
            server.clock().set(Duration.ofMinutes(10)); // 20 minutes later: past the 15-minute session
            try (StsClient sts = server.sts(c)) {
                assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The security token included in the request is expired");
                });
            }
        } finally {
            server.clock().reset();
        }
    }

    @Test
    void aTamperedToken_isInvalidClientTokenId() {
        Credentials c;
        try (StsClient root = server.rootSts()) {
            c = root.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        char[] t = c.sessionToken().toCharArray();
        t[40] = t[40] == 'A' ? 'B' : 'A';
        Credentials tampered = c.toBuilder().sessionToken(new String(t)).build();
        try (StsClient sts = server.sts(tampered)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is invalid.");
            });
        }
    }

    @Test
    void aTokenOfAnotherKeyId_orAKeyWithoutItsToken_isInvalidClientTokenId() {
        Credentials a;
        Credentials b;
        try (StsClient root = server.rootSts()) {
            a = root.getSessionToken(r -> r.durationSeconds(900)).credentials();
            b = root.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        try (StsClient sts = server.sts(a.toBuilder().sessionToken(b.sessionToken()).build())) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
        try (StsClient sts = server.sts(a.accessKeyId(), a.secretAccessKey())) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }

    @Test
    void sessionCredentialsWithMfa_callIam_asTheUsersPoliciesAllow() {
        StsServer.user("sc-mfa", StsServer.policy("Allow", "\"iam:ListUsers\"", "*"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (IamClient iam = server.iam(minted("sc-mfa", now, now))) {
            assertThat(iam.listUsers().users()).isNotEmpty();
            assertThatThrownBy(iam::listGroups).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::"
                        + SigilTestServer.ACCOUNT_ID + ":user/sc-mfa is not authorized to perform: iam:ListGroups");
            });
        }
    }

    @Test
    void f46_anMfaConditionedAllow_holdsOnlyForTheMfaSession() {
        AccessKey key = StsServer.user("sc-f46", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}");
        try (IamClient longTerm = server.iam(key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(longTerm::listUsers).isInstanceOf(IamException.class);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (IamClient mfa = server.iam(minted("sc-f46", now, now))) {
            assertThat(mfa.listUsers().users()).isNotEmpty();
        }
    }

    @Test
    void mfaAge_isTheSecondsSinceTheMfaCheck() {
        StsServer.user("sc-age", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":"
                + "{\"aws:MultiFactorAuthAge\":\"300\"}}}]}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (IamClient fresh = server.iam(minted("sc-age", now, now))) {
            assertThat(fresh.listUsers().users()).isNotEmpty();
        }
        try (IamClient old = server.iam(minted("sc-age", now.minusSeconds(600), now.minusSeconds(600)))) {
            assertThatThrownBy(old::listUsers).isInstanceOf(IamException.class);
        }
    }

    @Test
    void f54_aDenyOnOlderTokenIssueTimes_revokesOlderSessions_notNewerOnesNorLongTermKeys() {
        Instant cutoff = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AccessKey key = StsServer.user("sc-f54", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":"
                + "{\"aws:TokenIssueTime\":\"" + cutoff + "\"}}}]}");
        try (IamClient older = server.iam(minted("sc-f54", cutoff.minusSeconds(60), cutoff.minusSeconds(60)))) {
            assertThatThrownBy(older::listUsers).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage()).contains("with an explicit deny"));
        }
        try (IamClient newer = server.iam(minted("sc-f54", cutoff.plusSeconds(1), cutoff.plusSeconds(1)))) {
            assertThat(newer.listUsers().users()).isNotEmpty();
        }
        try (IamClient longTerm = server.iam(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(longTerm.listUsers().users()).isNotEmpty();
        }
    }

    @Test
    void aDeletedUsersSessions_stopWorking() {
        AccessKey key = StsServer.user("sc-deleted", null);
        Credentials c;
        try (StsClient sts = server.sts(key.accessKeyId(), key.secretAccessKey())) {
            c = sts.getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        try (IamClient root = server.rootIam()) {
            root.deleteAccessKey(r -> r.userName("sc-deleted").accessKeyId(key.accessKeyId()));
            root.deleteUserPolicy(r -> r.userName("sc-deleted").policyName("p"));
        } catch (IamException ignored) {
            // no policy to delete
        }
        try (IamClient root = server.rootIam()) {
            root.deleteUser(r -> r.userName("sc-deleted"));
        }
        try (StsClient sts = server.sts(c)) {
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
        }
    }
}
