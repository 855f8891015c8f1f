package io.sigil.server.api;

import io.sigil.iam.auth.Principal;

import java.time.Instant;

/**
 * What an operation handler knows about the call besides its request object: who made it (already
 * authenticated and authorised), when, and from where.
 *
 * @param principal the authenticated caller; null for an unsigned operation (AssumeRoleWithSAML)
 * @param region the region the request was signed for ({@code us-east-1} or {@code aws-global})
 */
public record CallContext(String requestId, Principal principal, Instant now, String sourceIp, String userAgent,
                          boolean secure, String region) {
    public String accountId() {
        return principal.accountId();
    }
}
