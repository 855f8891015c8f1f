package io.sigil.iam.auth;

import io.sigil.iam.model.User;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.Decision;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.RequestContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AccessDenied texts name the policy type that denied, as AWS words them (IAM User Guide, "Troubleshoot access
 * denied error messages": "with an explicit deny in a TYPE" / "because no TYPE allows the ACTION action"), and an
 * explicit deny by a managed policy names its ARN in the same account only (AWS Security Blog, "Enhanced access
 * denied error messages with policy ARNs"). Each case runs the engine on real policies.
 */
class DeniedMessageTest {
    static final String ACCT = "123456789012";
    static final String OTHER = "210987654321";
    static final String ACTION = "s3:GetObject";
    static final String RES = "arn:aws:s3:::bucket/key";
    static final Principal ALICE = Principal.user(User.create(ACCT, "alice", "/", "AIDAALICE000000000001",
            Instant.EPOCH, null, List.of()), "AKIAALICE00000000001");
    static final String HEAD = "User: arn:aws:iam::" + ACCT + ":user/alice is not authorized to perform: s3:GetObject"
            + " on resource: " + RES + " ";

    private static final PolicyEngine ENGINE = new PolicyEngine();

    static CompiledPolicy policy(String effect, String name, PolicyType type, boolean principal) {
        return CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\","
                + (principal ? "\"Principal\":\"*\"," : "") + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}", name, type);
    }

    static CompiledPolicy allow(PolicyType t) {
        return policy("Allow", "allow", t, t == PolicyType.RESOURCE || t == PolicyType.RCP);
    }

    static CompiledPolicy deny(String name, PolicyType t) {
        return policy("Deny", name, t, t == PolicyType.RESOURCE || t == PolicyType.RCP);
    }

    static CompiledPolicy nothing(PolicyType t) {
        return CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}", "other", t);
    }

    static String message(PolicySet set, String resourceAccount) {
        Decision d = ENGINE.evaluate(new RequestContext(ALICE.caller(), ACTION, RES, resourceAccount, Map.of()), set);
        return Authorizer.deniedMessage(ALICE, ACTION, RES, resourceAccount, d);
    }

    @Test
    void noIdentityPolicy_isTheImplicitIdentityText() {
        assertThat(message(PolicySet.identityOnly(List.of()), ACCT))
                .isEqualTo(HEAD + "because no identity-based policy allows the s3:GetObject action");
    }

    @Test
    void inlineDeny_namesTheTypeOnly() {
        assertThat(message(PolicySet.identityOnly(List.of(allow(PolicyType.IDENTITY),
                deny("user/alice inline policy p", PolicyType.IDENTITY))), ACCT))
                .isEqualTo(HEAD + "with an explicit deny in an identity-based policy");
    }

    @Test
    void managedPolicyDeny_namesItsArn_inTheSameAccount() {
        String arn = "arn:aws:iam::" + ACCT + ":policy/NoS3";
        assertThat(message(PolicySet.identityOnly(List.of(allow(PolicyType.IDENTITY), deny(arn, PolicyType.IDENTITY))),
                ACCT)).isEqualTo(HEAD + "with an explicit deny in an identity-based policy: " + arn);
    }

    @Test
    void managedPolicyDeny_acrossAccounts_namesTheTypeOnly() {
        String arn = "arn:aws:iam::" + ACCT + ":policy/NoS3";
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY), deny(arn, PolicyType.IDENTITY)), null,
                null, allow(PolicyType.RESOURCE), null, null), OTHER))
                .isEqualTo(HEAD + "with an explicit deny in an identity-based policy");
    }

    @Test
    void boundaryWithoutAllow_andBoundaryDeny() {
        String arn = "arn:aws:iam::" + ACCT + ":policy/Boundary";
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), List.of(nothing(
                PolicyType.PERMISSIONS_BOUNDARY)), null, null, null, null), ACCT))
                .isEqualTo(HEAD + "because no permissions boundary allows the s3:GetObject action");
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), List.of(deny(arn,
                PolicyType.PERMISSIONS_BOUNDARY)), null, null, null, null), ACCT))
                .isEqualTo(HEAD + "with an explicit deny in a permissions boundary: " + arn);
    }

    @Test
    void sessionPolicyWithoutAllow_andInlineSessionDeny() {
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), null,
                List.of(nothing(PolicyType.SESSION)), null, null, null), ACCT))
                .isEqualTo(HEAD + "because no session policy allows the s3:GetObject action");
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), null,
                List.of(deny("session policy", PolicyType.SESSION)), null, null, null), ACCT))
                .isEqualTo(HEAD + "with an explicit deny in a session policy");
    }

    @Test
    void serviceControlPolicyDeny_andMissingAllow() {
        String scp = "arn:aws:organizations::" + ACCT + ":policy/o-abc/service_control_policy/p-1";
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), null, null, null,
                List.of(List.of(allow(PolicyType.SCP), deny(scp, PolicyType.SCP))), null), ACCT))
                .isEqualTo(HEAD + "with an explicit deny in a service control policy: " + scp);
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), null, null, null,
                List.of(List.of(nothing(PolicyType.SCP))), null), ACCT))
                .isEqualTo(HEAD + "because no service control policy allows the s3:GetObject action");
    }

    @Test
    void resourceControlPolicyDeny() {
        String rcp = "arn:aws:organizations::" + ACCT + ":policy/o-abc/resource_control_policy/p-2";
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), null, null, null, null,
                List.of(List.of(deny(rcp, PolicyType.RCP)))), ACCT))
                .isEqualTo(HEAD + "with an explicit deny in a resource control policy: " + rcp);
    }

    @Test
    void resourcePolicyDeny_andCrossAccountWithoutResourcePolicy() {
        assertThat(message(new PolicySet(List.of(allow(PolicyType.IDENTITY)), null, null,
                deny("resource-based policy", PolicyType.RESOURCE), null, null), ACCT))
                .isEqualTo(HEAD + "with an explicit deny in a resource-based policy");
        assertThat(message(PolicySet.identityOnly(List.of(allow(PolicyType.IDENTITY))), OTHER))
                .isEqualTo(HEAD + "because no resource-based policy allows the s3:GetObject action");
    }
}
