package io.sigil.server.api.sts;

import io.sigil.iam.auth.Authorizer;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.User;
import io.sigil.iam.sts.AccessKeyIds;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.policy.Decision;
import io.sigil.policy.PolicyType;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec §10 F51 ("Permissions for GetFederationToken") on the server's authorizer: a federated user has the
 * intersection of its IAM user's policies and the policies passed, and nothing without a passed policy. Federated
 * credentials cannot call IAM or STS (G89), so S3 actions are decided here directly rather than through the API.
 */
class FederatedUserPermissionsTest {
    private static final String ACCT = SigilTestServer.ACCOUNT_ID;
    private static final String OBJECT = "arn:aws:s3:::productionapp/x";
    private final SigilTestServer server = StsServer.get();

    private Principal federated(String name, String policy) {
        User app = server.app().store().read(tx -> tx.users().find(ACCT, "token-app")).orElse(null);
        if (app == null) {
            StsServer.user("token-app", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                    + "[\"sts:GetFederationToken\",\"dynamodb:*\",\"sns:*\",\"s3:*\",\"lambda:*\"],\"Resource\":\"*\"}]}");
            app = server.app().store().read(tx -> tx.users().find(ACCT, "token-app")).orElseThrow();
        }
        Instant now = Instant.now();
        Session s = new Session(SessionKind.FEDERATED_USER, ACCT, AccessKeyIds.temporary(ACCT), app.arn(), app.id(),
                name, now, now.plusSeconds(3600), null, policy, List.of(), List.of(), List.of(), null, false);
        return Principal.session(s, app);
    }

    private Decision decide(Principal p, String action, String resource) {
        Authorizer a = server.app().authorizer();
        return a.authorize(p, action, resource, ACCT, Map.of());
    }

    @Test
    void f51a_withoutAPassedPolicy_theFederatedUserHasNoPermissions() {
        Decision d = decide(federated("NoPolicy", null), "s3:GetObject", OBJECT);
        assertThat(d.allowed()).isFalse();
        assertThat(d.decidedBy()).isEqualTo(PolicyType.SESSION);
    }

    @Test
    void f51b_aPassedPolicy_grantsItsIntersectionWithTheUsersPolicies() {
        Principal p = federated("Scoped", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::productionapp\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\","
                + "\"iam:CreateUser\"],\"Resource\":\"*\"}]}");
        assertThat(decide(p, "s3:GetObject", OBJECT).allowed()).isTrue();
        assertThat(decide(p, "s3:ListBucket", "arn:aws:s3:::productionapp").allowed()).isTrue();
        assertThat(decide(p, "sns:Publish", "*").allowed()).as("not in the passed policy").isFalse();
        assertThat(decide(p, "iam:CreateUser", "*").allowed()).as("not in the user's policies").isFalse();
    }

    @Test
    void theFederatedUserIsItsOwnPrincipal_inAccessDeniedMessages() {
        Principal p = federated("Carol", null);
        assertThat(p.arn()).isEqualTo("arn:aws:sts::" + ACCT + ":federated-user/Carol");
        assertThat(Authorizer.deniedMessage(p, "s3:GetObject", OBJECT, decide(p, "s3:GetObject", OBJECT)))
                .startsWith("User: arn:aws:sts::" + ACCT + ":federated-user/Carol is not authorized to perform: "
                        + "s3:GetObject on resource: " + OBJECT);
    }
}
