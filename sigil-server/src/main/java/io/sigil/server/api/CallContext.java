package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.sts.CallerPolicyGate;

import java.time.Instant;

/**
 * What an operation handler knows about the call besides its request object: who made it (already
 * authenticated and authorised), when, and from where.
 *
 * @param principal the authenticated caller; null for an unsigned operation (AssumeRoleWithSAML,
 *                  AssumeRoleWithWebIdentity)
 * @param region the region the request was signed for: {@code us-east-1} or {@code aws-global} for IAM, any region
 *               of the partition for STS ({@code us-east-1} for an unsigned call)
 * @param callerPolicies what the enforcement mode makes of a refusal by the caller's own policies in a service
 *                       that authorises within the operation (AssumeRole: the trust policy is never relaxed)
 */
public record CallContext(String requestId, Principal principal, Instant now, String sourceIp, String userAgent,
                          boolean secure, String region, CallerPolicyGate callerPolicies) {
    public String accountId() {
        return principal.accountId();
    }
}
