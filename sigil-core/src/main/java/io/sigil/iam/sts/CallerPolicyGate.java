package io.sigil.iam.sts;

import io.sigil.iam.error.IamException;
import io.sigil.policy.Decision;

/**
 * What happens when the caller's own policies (identity policies, permissions boundary, session policies) refuse an
 * STS credential exchange that the role's trust policy allows.
 *
 * <p>An AssumeRole* call is two decisions in one (IAM User Guide, "Policy evaluation logic" and "Cross-account policy
 * evaluation logic"): the caller's permission to call sts:AssumeRole, which is an authorisation of the API call like
 * any other, and the role's trust policy, which is part of the credential exchange itself — it says who may become
 * the role. The server's enforcement mode (--enforce on|audit|off) governs the first only: in audit mode the refusal
 * is recorded and the call goes on, in off mode it is ignored. The trust policy is never relaxed, or "off" would let
 * anyone become any role.
 */
@FunctionalInterface
public interface CallerPolicyGate {
    /** Enforcement on: the refusal stands. */
    CallerPolicyGate ENFORCE = (denial, decision) -> {
        throw denial;
    };

    /**
     * The caller's policies refused what the trust policy allows.
     *
     * @param denial   the AccessDenied AWS answers when enforcing
     * @param decision the engine's decision, for an audit record
     */
    void refused(IamException denial, Decision decision);
}
