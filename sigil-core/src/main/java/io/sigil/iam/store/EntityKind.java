package io.sigil.iam.store;

/** Kinds of cached entity that a {@link ChangeEvent} names. {@link #ALL} means "drop everything". */
public enum EntityKind {
    ACCOUNT,
    USER,
    GROUP,
    ROLE,
    ACCESS_KEY,
    /** A virtual MFA device, by serial number; its assignment to a user is also a {@code USER} event. */
    MFA_DEVICE,
    /** Events may have been missed (a listener reconnected): drop every cached entry. */
    ALL
}
