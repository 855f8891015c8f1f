package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest attempt of one IAM user or role to use one action of one service (IAM User Guide, "Refine permissions
 * in AWS using last accessed information"): what GetServiceLastAccessedDetails reports as LastAuthenticated,
 * LastAuthenticatedEntity and LastAuthenticatedRegion, and, for services tracked at action level, as
 * TrackedActionsLastAccessed. Attempts count whether they were allowed or denied ("includes all attempts ..., not
 * just the successful ones"). Keyed by the entity's unique id, so a user deleted and created again under the same
 * name starts without history, as in IAM.
 *
 * @param entityKind       {@link PolicyOwnerKind#USER} or {@link PolicyOwnerKind#ROLE}: groups and policies never
 *                         call; their reports are derived from their members and the entities they are attached to
 * @param entityId         the user's {@code AIDA…} or the role's {@code AROA…} id
 * @param entityArn        the entity's ARN at the time of the attempt
 * @param serviceNamespace the service prefix, lower case ({@code iam}, {@code s3})
 * @param action           the action name as AWS spells it ({@code CreateUser})
 * @param lastAccessed     the latest attempt, to the second
 * @param region           the Region of that attempt
 */
public record AccessRecord(String accountId, PolicyOwnerKind entityKind, String entityId, String entityArn,
                           String serviceNamespace, String action, Instant lastAccessed, String region) {
    public AccessRecord {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(entityKind, "entityKind");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(entityArn, "entityArn");
        Objects.requireNonNull(serviceNamespace, "serviceNamespace");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(lastAccessed, "lastAccessed");
        Objects.requireNonNull(region, "region");
        if (entityKind == PolicyOwnerKind.GROUP) {
            throw new IllegalArgumentException("only users and roles make requests");
        }
    }

    // Written out, as ChangeEvent's: a record's own equals and hashCode are linked through invokedynamic
    // (java.lang.runtime.ObjectMethods) at their first call, which LatestPerKey.merge makes on the request path:
    // ~15 ms of an IAM user's second signed call after a start (async-profiler, wall clock).
    @Override
    public boolean equals(Object o) {
        return o instanceof AccessRecord r && accountId.equals(r.accountId) && entityKind == r.entityKind
                && entityId.equals(r.entityId) && entityArn.equals(r.entityArn)
                && serviceNamespace.equals(r.serviceNamespace) && action.equals(r.action)
                && lastAccessed.equals(r.lastAccessed) && region.equals(r.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, entityKind, entityId, entityArn, serviceNamespace, action, lastAccessed,
                region);
    }

    /** The later of two records of the same key; the first on a tie, so merging is idempotent. */
    public static AccessRecord later(AccessRecord a, AccessRecord b) {
        return b.lastAccessed.isAfter(a.lastAccessed) ? b : a;
    }
}
