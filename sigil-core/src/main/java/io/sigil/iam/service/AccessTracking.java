package io.sigil.iam.service;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.Store;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records last-accessed data: every request Sigil authorises, allowed or denied, by an IAM user or role (IAM User
 * Guide, "Refine permissions in AWS using last accessed information": "includes all attempts to access an AWS API,
 * not just the successful ones"). This is the one entry point for every service: Sigil's own IAM and STS calls
 * (the API dispatcher) and other services' calls that arrive through the authorization API.
 *
 * <p>The request path only merges the attempt into a {@link ConcurrentHashMap} keyed by entity, service and action,
 * keeping the latest time per key: no lock, no I/O, never throws. A background thread writes the accumulated
 * maxima in one transaction every {@code interval} (five seconds by default) and {@link #close} writes what is left;
 * the store keeps the later of what it has and what it gets, so a replayed batch changes nothing. AWS itself shows
 * activity "usually within four hours"; a few seconds is well inside that.
 *
 * <p>Who is tracked: IAM users (with their long-term keys, their GetSessionToken sessions, and as the source of
 * their GetFederationToken sessions, whose permissions come from the user) and IAM roles (their sessions). The root
 * user is not tracked: last accessed data exists for users, groups, roles and policies only. A role's tracked use
 * also moves GetRole's {@code RoleLastUsed} ("the last time that an IAM role was used").
 */
public final class AccessTracking implements AutoCloseable {

    /** The least time between two writes of the pending maxima. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);


    /** An IAM user or role that makes requests: the entity that last accessed data is recorded for. */
    public record Entity(PolicyOwnerKind kind, String id, String arn) {
        public Entity {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(arn, "arn");
            if (kind == PolicyOwnerKind.GROUP) {
                throw new IllegalArgumentException("groups do not make requests; their members do");
            }
        }

        /**
         * The entity behind a caller: the IAM user (itself, its GetSessionToken session, or the user that asked for
         * a federation token), or the role of a role session; empty for the root user and its sessions.
         */
        public static Optional<Entity> of(Principal p) {
            Session s = p.session();
            if (s != null && s.kind() == SessionKind.ASSUMED_ROLE) {
                return Optional.of(new Entity(PolicyOwnerKind.ROLE, s.sourceId(), s.sourceArn()));
            }
            if (p.user() != null) {
                return Optional.of(new Entity(PolicyOwnerKind.USER, p.user().id(), p.user().arn()));
            }
            return Optional.empty();
        }
    }

    private record Key(String accountId, String entityId, String namespace, String action) {
        // Written out, as ChangeEvent's: a record's own equals and hashCode are linked through invokedynamic
        // (java.lang.runtime.ObjectMethods) at their first call, which LatestPerKey.merge makes on the request
        // path: ~15 ms of an IAM user's first signed call after a start (async-profiler, wall clock).
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && accountId.equals(k.accountId) && entityId.equals(k.entityId)
                    && namespace.equals(k.namespace) && action.equals(k.action);
        }

        @Override
        public int hashCode() {
            return ((accountId.hashCode() * 31 + entityId.hashCode()) * 31 + namespace.hashCode()) * 31
                    + action.hashCode();
        }
    }

    private final Store store;
    private final LatestPerKey<Key, AccessRecord> pending = new LatestPerKey<>(AccessRecord::later);
    private final PeriodicFlush flusher;
    private volatile boolean closed;

    public AccessTracking(Store store) {
        this(store, DEFAULT_INTERVAL);
    }

    public AccessTracking(Store store, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.flusher = new PeriodicFlush("sigil-access-tracking", interval, this::flush,
                "could not record last accessed data; will retry");
    }

    /**
     * Notes that {@code entity} of {@code accountId} attempted {@code serviceNamespace:action} in {@code region} at
     * {@code when}. Blank or null arguments, and calls after {@link #close}, are ignored.
     *
     * @param serviceNamespace the service prefix ({@code s3}); matched without regard to case
     * @param action           the action name ({@code GetObject}), without the prefix
     */
    public void record(String accountId, Entity entity, String serviceNamespace, String action, String region,
                       Instant when) {
        if (closed || accountId == null || entity == null || blank(serviceNamespace) || blank(action)
                || blank(region) || when == null) {
            return;
        }
        String ns = serviceNamespace.toLowerCase(Locale.ROOT);
        AccessRecord r = new AccessRecord(accountId, entity.kind(), entity.id(), entity.arn(), ns, action,
                when.truncatedTo(ChronoUnit.SECONDS), region);
        pending.merge(new Key(accountId, entity.id(), ns, action.toLowerCase(Locale.ROOT)), r);
    }

    /**
     * The same for a caller and a full action name ({@code iam:CreateUser}); callers that are not tracked (the root
     * user) are ignored.
     */
    public void record(Principal caller, String fullAction, String region, Instant when) {
        int colon = fullAction == null ? -1 : fullAction.indexOf(':');
        if (caller == null || colon <= 0) {
            return;
        }
        Entity.of(caller).ifPresent(e -> record(caller.accountId(), e, fullAction.substring(0, colon),
                fullAction.substring(colon + 1), region, when));
    }

    /** Attempts recorded but not yet written. */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Writes every pending attempt now, in one transaction.
     *
     * @return how many records were written
     * @throws RuntimeException the store's failure; the attempts stay pending
     */
    public int flush() {
        return pending.flush(batch -> store.write(tx -> {
            for (AccessRecord r : batch.values()) {
                tx.accessRecords().record(r);
                if (r.entityKind() == PolicyOwnerKind.ROLE) {
                    tx.roles().recordUse(r.entityId(), r.lastAccessed(), r.region());
                }
            }
        }));
    }

    /** Stops the background writer and writes what is pending. */
    @Override
    public void close() {
        closed = true;
        flusher.close();
    }


    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
