package io.sigil.iam.auth;

import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.Tx;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.PolicyType;

import java.util.List;

/**
 * Managed policies as the authorizer needs them: attached to an identity, as a permissions boundary, or passed as a
 * managed session policy. Until managed policies are stored, none is attached and an ARN resolves to a policy that
 * grants nothing (a boundary or session policy that cannot be read denies, never allows).
 */
final class ManagedPolicies {
    private static final String EMPTY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";

    private ManagedPolicies() {
    }

    static List<CompiledPolicy> attached(Tx tx, String accountId, PolicyOwnerKind kind, String name) {
        return List.of();
    }

    static List<CompiledPolicy> boundary(Tx tx, String accountId, String arn) {
        return List.of(CompiledPolicy.compile(EMPTY, arn, PolicyType.PERMISSIONS_BOUNDARY));
    }

    static CompiledPolicy sessionPolicy(Tx tx, String accountId, String arn) {
        return CompiledPolicy.compile(EMPTY, arn, PolicyType.SESSION);
    }
}
