package io.sigil.policy.internal;

/**
 * How a resource-based policy's Principal matched the caller, weakest first (IAM User Guide, "Policy evaluation
 * logic", resource-based policies): naming the caller's account delegates to the account's identity policies;
 * naming a role is limited by the role's boundary and the session's policies; naming the user, the session,
 * or everyone grants directly.
 */
public enum Grant {
    NONE, ACCOUNT, ROLE, DIRECT;

    public Grant max(Grant o) {
        return o.ordinal() > ordinal() ? o : this;
    }
}
