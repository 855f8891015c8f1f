package io.sigil.iam.service;

import io.sigil.iam.PolicyArn;
import java.util.Objects;

/** An entry of ListAttached{User,Group,Role}Policies (API Reference, "AttachedPolicy": PolicyName, PolicyArn). */
public record AttachedPolicy(String policyName, String policyArn, String path) {

    public AttachedPolicy {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyArn, "policyArn");
        Objects.requireNonNull(path, "path");
    }

    /** From a stored attachment ARN (always a well-formed policy ARN). */
    static AttachedPolicy of(String policyArn) {
        PolicyArn a = PolicyArn.parse(policyArn).orElseThrow(() ->
                new IllegalStateException("not a policy ARN: " + policyArn));
        return new AttachedPolicy(a.name(), policyArn, a.path());
    }
}
