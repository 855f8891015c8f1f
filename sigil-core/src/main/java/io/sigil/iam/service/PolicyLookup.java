package io.sigil.iam.service;

import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.store.Tx;
import java.util.Optional;

/**
 * Finds a managed policy by ARN wherever it lives: an AWS managed policy in the catalogue, or a customer managed
 * policy of {@code accountId} in the store. A customer managed policy of another account is not found: IAM lets
 * an account attach only its own policies and AWS's ("Policy X does not exist or is not attachable").
 */
public final class PolicyLookup {

    private PolicyLookup() {
    }

    public static Optional<ManagedPolicy> find(Tx tx, String accountId, String policyArn) {
        if (AwsManagedPolicies.isAwsManagedArn(policyArn)) {
            return AwsManagedPolicies.catalogue().find(policyArn).map(AwsManagedPolicies.Entry::policy);
        }
        return tx.managedPolicies().find(policyArn).filter(p -> p.accountId().equals(accountId));
    }

    /** The version in force of a policy {@link #find} finds. */
    public static Optional<PolicyVersion> defaultVersion(Tx tx, String accountId, String policyArn) {
        if (AwsManagedPolicies.isAwsManagedArn(policyArn)) {
            return AwsManagedPolicies.catalogue().find(policyArn).map(AwsManagedPolicies.Entry::defaultVersion);
        }
        if (!policyArn.startsWith("arn:aws:iam::" + accountId + ":")) {
            return Optional.empty();
        }
        return tx.managedPolicies().defaultVersion(policyArn);
    }
}
