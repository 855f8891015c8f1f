package io.sigil.iam.auth;

import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.service.PolicyLookup;
import io.sigil.iam.store.Tx;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Managed policies as the authorizer needs them: attached to an identity, as a permissions boundary, or passed as a
 * managed session policy; each with its default version (AWS managed ones from the catalogue, compiled once per
 * JVM since the catalogue never changes). A boundary or session policy that cannot be read grants nothing, so it
 * denies rather than allows.
 */
final class ManagedPolicies {
    private static final String EMPTY = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    private static final Map<String, CompiledPolicy> AWS_COMPILED = new ConcurrentHashMap<>();

    private ManagedPolicies() {
    }

    static List<CompiledPolicy> attached(Tx tx, String accountId, PolicyOwnerKind kind, String name) {
        List<CompiledPolicy> out = new ArrayList<>();
        for (String arn : tx.managedPolicies().attached(accountId, kind, name)) {
            resolve(tx, accountId, arn, PolicyType.IDENTITY).ifPresent(out::add);
        }
        return out;
    }

    static List<CompiledPolicy> boundary(Tx tx, String accountId, String arn) {
        return resolve(tx, accountId, arn, PolicyType.PERMISSIONS_BOUNDARY).map(List::of).orElse(List.of());
    }

    static CompiledPolicy sessionPolicy(Tx tx, String accountId, String arn) {
        return resolve(tx, accountId, arn, PolicyType.SESSION)
                .orElseGet(() -> CompiledPolicy.compile(EMPTY, arn, PolicyType.SESSION));
    }

    private static Optional<CompiledPolicy> resolve(Tx tx, String accountId, String arn, PolicyType type) {
        if (AwsManagedPolicies.isAwsManagedArn(arn)) {
            return AwsManagedPolicies.catalogue().find(arn).map(e -> AWS_COMPILED.computeIfAbsent(
                    type + " " + arn, k -> compile(e.compactDocument(), arn, type)));
        }
        return PolicyLookup.defaultVersion(tx, accountId, arn).map(v -> compile(v.document(), arn, type));
    }

    /** Stored policies were validated when saved; one that no longer parses grants nothing rather than failing. */
    private static CompiledPolicy compile(String document, String name, PolicyType type) {
        ParseResult r = PolicyParser.parse(document);
        return r.ok() ? CompiledPolicy.compile(r.policy(), name, type) : CompiledPolicy.compile(EMPTY, name, type);
    }
}
