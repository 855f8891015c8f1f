package io.sigil.iam.sts;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec §10 G89 as a table: which kind of temporary credential may call what. */
class TemporaryCredentialRulesTest {
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
    private static final User BOB = User.create("123456789012", "bob", "/", "AIDAEXAMPLEEXAMPLE123", NOW, null,
            List.of());

    private static Principal session(SessionKind kind, boolean mfa) {
        String source = kind == SessionKind.ASSUMED_ROLE ? "arn:aws:iam::123456789012:role/R" : BOB.arn();
        String id = kind == SessionKind.ASSUMED_ROLE ? "AROAEXAMPLEEXAMPLE123" : BOB.id();
        Session s = new Session(kind, "123456789012", "ASIAEXAMPLEEXAMPLE12", source, id,
                kind == SessionKind.SESSION_TOKEN ? null : "s1", NOW, NOW.plusSeconds(3600), mfa ? NOW : null, null,
                List.of(), List.of(), List.of(), null, false);
        return Principal.session(s, kind == SessionKind.ASSUMED_ROLE ? null : BOB);
    }

    private static Optional<IamException> refusal(Principal p, String service, String op) {
        return TemporaryCredentialRules.refusal(p, service, op);
    }

    @Test
    void federatedUser_cannotCallIam_answeredAsAnInvalidToken() {
        IamException e = refusal(session(SessionKind.FEDERATED_USER, false), "iam", "ListUsers").orElseThrow();
        assertThat(e.code()).isEqualTo("InvalidClientTokenId");
        assertThat(e.safeMessage()).isEqualTo("The security token included in the request is invalid");
    }

    @Test
    void federatedUser_callsOnlyGetCallerIdentityOfSts() {
        Principal p = session(SessionKind.FEDERATED_USER, false);
        assertThat(refusal(p, "sts", "GetCallerIdentity")).isEmpty();
        assertThat(refusal(p, "sts", "AssumeRole").orElseThrow().safeMessage())
                .isEqualTo("Cannot call AssumeRole with session credentials");
        assertThat(refusal(p, "sts", "GetFederationToken")).isPresent();
        assertThat(refusal(p, "sts", "GetAccessKeyInfo")).isPresent();
    }

    @Test
    void sessionTokenWithoutMfa_cannotCallIam_withMfaCan() {
        assertThat(refusal(session(SessionKind.SESSION_TOKEN, false), "iam", "ListUsers").orElseThrow().code())
                .isEqualTo("InvalidClientTokenId");
        assertThat(refusal(session(SessionKind.SESSION_TOKEN, true), "iam", "ListUsers")).isEmpty();
    }

    @Test
    void sessionToken_callsAssumeRoleAndGetCallerIdentity_notGetSessionToken() {
        Principal p = session(SessionKind.SESSION_TOKEN, true);
        assertThat(refusal(p, "sts", "AssumeRole")).isEmpty();
        assertThat(refusal(p, "sts", "GetCallerIdentity")).isEmpty();
        IamException e = refusal(p, "sts", "GetSessionToken").orElseThrow();
        assertThat(e.code()).isEqualTo("AccessDenied");
        assertThat(e.safeMessage()).isEqualTo("Cannot call GetSessionToken with session credentials");
        assertThat(refusal(p, "sts", "GetFederationToken")).isPresent();
    }

    @Test
    void roleSession_cannotCallGetFederationTokenOrGetSessionToken_butIamAndAssumeRole() {
        Principal p = session(SessionKind.ASSUMED_ROLE, false);
        assertThat(refusal(p, "sts", "GetFederationToken").orElseThrow().safeMessage())
                .isEqualTo("Cannot call GetFederationToken with session credentials");
        assertThat(refusal(p, "sts", "GetSessionToken")).isPresent();
        assertThat(refusal(p, "sts", "AssumeRole")).isEmpty();
        assertThat(refusal(p, "iam", "ListUsers")).isEmpty();
    }

    @Test
    void longTermKeys_haveNoSuchLimits() {
        assertThat(refusal(Principal.user(BOB, "AKIAEXAMPLEEXAMPLE12"), "iam", "ListUsers")).isEmpty();
        assertThat(refusal(Principal.root("123456789012", "AKIAEXAMPLEEXAMPLE12"), "sts", "GetFederationToken"))
                .isEmpty();
    }
}
