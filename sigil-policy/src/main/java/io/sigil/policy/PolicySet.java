package io.sigil.policy;

import io.sigil.policy.internal.CompiledStatement;
import io.sigil.policy.internal.PolicyGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The policies in force for one principal and resource, grouped by type and indexed (IAM User Guide, "Policy
 * evaluation logic"). A null member means the type is not in force; an empty list means it is in force and
 * holds nothing (a boundary that allows nothing denies everything). Build once per principal and reuse.
 *
 * @param identity identity-based policies of the principal (user inline and managed, its groups'; a role's)
 * @param boundary the permissions boundary, or null
 * @param session  session policies (inline and managed), or null for no session policy
 * @param resource the resource-based policy (a role's trust policy for sts:AssumeRole*), or null
 * @param scp      service control policies, one list per organisation level from the root down; empty for none
 * @param rcp      resource control policies, one list per level; AWS's RCPFullAWSAccess is implicit at every level
 */
public record PolicySet(List<CompiledPolicy> identity, List<CompiledPolicy> boundary, List<CompiledPolicy> session,
                        CompiledPolicy resource, List<List<CompiledPolicy>> scp, List<List<CompiledPolicy>> rcp,
                        Groups groups) {

    /** The indexes, built once with the set. */
    public record Groups(PolicyGroup identity, PolicyGroup boundary, PolicyGroup session, PolicyGroup resource,
                         List<PolicyGroup> scp, List<PolicyGroup> rcp) {}

    public PolicySet {
        identity = identity == null ? List.of() : List.copyOf(identity);
        boundary = boundary == null ? null : List.copyOf(boundary);
        session = session == null ? null : List.copyOf(session);
        scp = scp == null ? List.of() : scp.stream().map(List::copyOf).toList();
        rcp = rcp == null ? List.of() : rcp.stream().map(List::copyOf).toList();
        groups = new Groups(group(identity), boundary == null ? null : group(boundary),
                session == null ? null : group(session), resource == null ? null : group(List.of(resource)),
                scp.stream().map(PolicySet::group).toList(), rcp.stream().map(PolicySet::group).toList());
    }

    public PolicySet(List<CompiledPolicy> identity, List<CompiledPolicy> boundary, List<CompiledPolicy> session,
                     CompiledPolicy resource, List<List<CompiledPolicy>> scp, List<List<CompiledPolicy>> rcp) {
        this(identity, boundary, session, resource, scp, rcp, null);
    }

    public static PolicySet identityOnly(List<CompiledPolicy> identity) {
        return new PolicySet(identity, null, null, null, null, null);
    }

    private static PolicyGroup group(List<CompiledPolicy> policies) {
        List<CompiledStatement> all = new ArrayList<>();
        for (CompiledPolicy p : policies) {
            all.addAll(p.statements());
        }
        return new PolicyGroup(all);
    }
}
