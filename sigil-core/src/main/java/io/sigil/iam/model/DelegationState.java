package io.sigil.iam.model;

/**
 * The states of a delegation request (IAM User Guide, "Building your integration" › "Understanding the Request
 * Lifecycle"): Unassigned → Assigned → (Pending Approval →) Accepted → Finalized, or Rejected, or Expired. The wire
 * names are the API's {@code stateType} enum.
 */
public enum DelegationState {
    UNASSIGNED, ASSIGNED, PENDING_APPROVAL, ACCEPTED, FINALIZED, REJECTED, EXPIRED;

    /** Rejected and expired requests take no further transition ("Once a request is rejected, it cannot be accepted
     * or updated later"); a finalized one "cannot be rolled back". */
    public boolean isTerminal() {
        return this == FINALIZED || this == REJECTED || this == EXPIRED;
    }
}
