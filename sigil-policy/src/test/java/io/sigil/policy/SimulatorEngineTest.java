package io.sigil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyEngine#simulator()} against the engine that authorises: they differ on the sts:AssumeRole family only,
 * which AWS's policy simulator decides from the identity side without the role's trust policy (aws/aws-cli#10314).
 */
class SimulatorEngineTest {

    private static final String USER = "arn:aws:iam::111122223333:user/alice";
    private static final String ROLE = "arn:aws:iam::111122223333:role/deploy";
    private static final String OTHER_ACCOUNT_ROLE = "arn:aws:iam::444455556666:role/deploy";

    private final PolicyEngine enforcing = new PolicyEngine();
    private final PolicyEngine simulator = PolicyEngine.simulator();

    private static CompiledPolicy identity(String action) {
        return CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                + action + "\",\"Resource\":\"*\"}]}", "id", PolicyType.IDENTITY);
    }

    private static CompiledPolicy trust(String effect, String action) {
        return CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect
                + "\",\"Principal\":{\"AWS\":\"" + USER + "\"},\"Action\":\"" + action + "\"}]}", "trust",
                PolicyType.RESOURCE);
    }

    private static RequestContext request(String action, String resource) {
        return RequestContext.of(USER, action, resource, Map.of());
    }

    @Test
    void assumeRole_withAnIdentityAllowAndNoTrustPolicy_isDeniedWhenEnforced_butAllowedBySimulator() {
        PolicySet set = PolicySet.identityOnly(List.of(identity("sts:AssumeRole")));
        assertThat(enforcing.evaluate(request("sts:AssumeRole", ROLE), set).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(simulator.evaluate(request("sts:AssumeRole", ROLE), set).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(simulator.evaluate(request("sts:assumerolewithwebidentity", ROLE),
                PolicySet.identityOnly(List.of(identity("sts:AssumeRoleWithWebIdentity")))).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void assumeRole_inTheSimulator_discardsTheResourcePolicy_itsDenyAndItsAllowAlike() {
        PolicySet denied = new PolicySet(List.of(identity("sts:AssumeRole")), null, null,
                trust("Deny", "sts:AssumeRole"), null, null);
        assertThat(enforcing.evaluate(request("sts:AssumeRole", ROLE), denied).outcome())
                .isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(simulator.evaluate(request("sts:AssumeRole", ROLE), denied).outcome()).isEqualTo(Outcome.ALLOW);
        // A trust policy that names the user allows the real call without any identity policy; the simulator, which
        // reads the identity side only, does not.
        PolicySet trustOnly = new PolicySet(List.of(), null, null, trust("Allow", "sts:AssumeRole"), null, null);
        assertThat(enforcing.evaluate(request("sts:AssumeRole", ROLE), trustOnly).outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(simulator.evaluate(request("sts:AssumeRole", ROLE), trustOnly).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(simulator.keysRead("sts:AssumeRole", trustOnly)).isEmpty();
    }

    @Test
    void assumeRole_acrossAccounts_inTheSimulator_needsTheIdentitySideOnly() {
        PolicySet set = PolicySet.identityOnly(List.of(identity("sts:AssumeRole")));
        assertThat(enforcing.evaluate(request("sts:AssumeRole", OTHER_ACCOUNT_ROLE), set).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(simulator.evaluate(request("sts:AssumeRole", OTHER_ACCOUNT_ROLE), set).outcome())
                .isEqualTo(Outcome.ALLOW);
    }

    @Test
    void otherTrustPolicyActions_inTheSimulator_needNoTrustPolicy_butHonourAResourcePolicysDeny() {
        PolicySet alone = PolicySet.identityOnly(List.of(identity("sts:TagSession")));
        assertThat(enforcing.evaluate(request("sts:TagSession", ROLE), alone).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(simulator.evaluate(request("sts:TagSession", ROLE), alone).outcome()).isEqualTo(Outcome.ALLOW);
        PolicySet denied = new PolicySet(List.of(identity("sts:TagSession")), null, null,
                trust("Deny", "sts:TagSession"), null, null);
        assertThat(simulator.evaluate(request("sts:TagSession", ROLE), denied).outcome())
                .isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void anyOtherAction_isDecidedAlikeByBothEngines() {
        CompiledPolicy bucket = CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + USER + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}",
                "bucket", PolicyType.RESOURCE);
        for (PolicySet set : List.of(PolicySet.identityOnly(List.of(identity("s3:GetObject"))),
                new PolicySet(List.of(), null, null, bucket, null, null))) {
            for (String resource : List.of("arn:aws:s3:::b/k", "*")) {
                RequestContext r = request("s3:GetObject", resource);
                Decision sim = simulator.evaluate(r, set);
                Decision real = enforcing.evaluate(r, set);
                assertThat(sim.outcome()).isEqualTo(real.outcome()).isEqualTo(Outcome.ALLOW);
                assertThat(sim.statements()).isEqualTo(real.statements());
            }
        }
    }
}
