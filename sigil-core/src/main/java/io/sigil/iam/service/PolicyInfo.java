package io.sigil.iam.service;

import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyUsage;
import java.util.Objects;

/**
 * A managed policy as GetPolicy, CreatePolicy and ListPolicies report it (API Reference, "Policy" data type): the
 * stored policy with its usage in the caller's account. {@code IsAttachable} "Specifies whether the policy can be
 * attached to an IAM user, group, or role": true for every policy here (deprecated AWS managed policies, which are
 * not, are not in the catalogue).
 */
public record PolicyInfo(ManagedPolicy policy, PolicyUsage usage) {

    public PolicyInfo {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(usage, "usage");
    }

    public boolean isAttachable() {
        return true;
    }
}
