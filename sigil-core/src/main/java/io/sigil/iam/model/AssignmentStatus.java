package io.sigil.iam.model;

/** ListVirtualMFADevices' filter: "Assigned | Unassigned | Any"; Any when the request gives none. */
public enum AssignmentStatus {
    ASSIGNED,
    UNASSIGNED,
    ANY
}
