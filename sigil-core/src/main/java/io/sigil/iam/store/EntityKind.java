package io.sigil.iam.store;

/** Kinds of cached entity that a {@link ChangeEvent} names. {@link #ALL} means "drop everything". */
public enum EntityKind {
    ACCOUNT,
    USER,
    GROUP,
    ROLE,
    ACCESS_KEY,
    /**
     * A customer managed policy, by its unique id: a new default version, a deletion, tags. Attaching or detaching
     * is reported as the user, group or role that gained or lost the policy.
     */
    POLICY,
    INSTANCE_PROFILE,
    /** A virtual MFA device, by serial number; its assignment to a user is also a {@code USER} event. */
    MFA_DEVICE,
    /** Events may have been missed (a listener reconnected): drop every cached entry. */
    ALL
}
