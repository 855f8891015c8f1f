package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.User;
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
 * @param namedUser the IAM user the request names (UserName), as the store answered while the call was authorised
 *                  in this request, or null when authorisation read none; a handler that would only read the same
 *                  user again may answer with it (GetUser)
 */
public record CallContext(String requestId, Principal principal, Instant now, String sourceIp, String userAgent,
                          boolean secure, String region, CallerPolicyGate callerPolicies, User namedUser) {
    public CallContext(String requestId, Principal principal, Instant now, String sourceIp, String userAgent,
                       boolean secure, String region, CallerPolicyGate callerPolicies) {
        this(requestId, principal, now, sourceIp, userAgent, secure, region, callerPolicies, null);
    }

    /** This context with the named user that authorisation read. */
    public CallContext withNamedUser(User user) {
        return new CallContext(requestId, principal, now, sourceIp, userAgent, secure, region, callerPolicies, user);
    }

    public String accountId() {
        return principal.accountId();
    }
}
