package io.sigil.server.authz;

import io.sigil.iam.auth.Principal;
import io.sigil.policy.Decision;

import java.time.Instant;

/**
 * Receives every decision /_sigil/authorize makes for another service: the hook for service-last-accessed data
 * (IAM User Guide, "Refining permissions using last accessed information": a service counts as accessed when an
 * authenticated request to it was authorised, allowed or not, by the principal's policies). Must not block.
 */
@FunctionalInterface
public interface DecisionListener {
    /**
     * @param service  the service prefix of the action, e.g. {@code s3}
     * @param action   the full action, e.g. {@code s3:GetObject}
     * @param region   the region the request was made in
     */
    void onServiceAuthorizationDecision(Principal principal, String service, String action, String resource,
                                        String region, Decision decision, Instant at);

    DecisionListener NONE = (p, s, a, r, g, d, t) -> { };
}
