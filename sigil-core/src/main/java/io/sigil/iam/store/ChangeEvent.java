package io.sigil.iam.store;

import java.util.Locale;
import java.util.Objects;

/**
 * A committed change to one entity, for cache invalidation (DESIGN.md, "Storage"). Sub-resources are reported as
 * their owner: an inline policy, tag or group membership of a user is a {@code USER} event with the user's unique
 * id; a membership change is also a {@code GROUP} event. Access keys are reported by key id.
 *
 * <p>Wire form (PostgreSQL NOTIFY payload): {@code <kind>:<account>:<id>}, e.g. {@code user:123456789012:AIDA…}.
 */
public record ChangeEvent(EntityKind kind, String accountId, String id) {

    public ChangeEvent {
        Objects.requireNonNull(kind, "kind");
        accountId = accountId == null ? "" : accountId;
        id = id == null ? "" : id;
    }

    // Written out: a record's own equals and hashCode are linked through invokedynamic
    // (java.lang.runtime.ObjectMethods) at their first call, several milliseconds of every server start
    // (sigil-bench's ColdStart).
    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeEvent e && kind == e.kind && accountId.equals(e.accountId) && id.equals(e.id);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + accountId.hashCode()) * 31 + id.hashCode();
    }

    public static ChangeEvent all() {
        return new ChangeEvent(EntityKind.ALL, "", "");
    }

    public String payload() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + accountId + ":" + id;
    }

    /** Parses {@link #payload()}; the id may itself contain ':'. */
    public static ChangeEvent parse(String payload) {
        String[] parts = payload.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a change event: " + payload);
        }
        return new ChangeEvent(EntityKind.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1], parts[2]);
    }
}
