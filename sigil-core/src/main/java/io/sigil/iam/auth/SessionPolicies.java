package io.sigil.iam.auth;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.iam.store.Tx;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies in force for a federated-user or role session (IAM User Guide, "Session policies" and "Policy
 * evaluation logic"):
 * <ul>
 * <li>a federated user (GetFederationToken): the identity policies and boundary of the IAM user who asked for the
 *     token (the root user: all of its account), intersected with the session policies; without session policies
 *     the set holds none, and the engine then grants only through resource policies that name the federated user;</li>
 * <li>a role session: the role's identity policies ∩ its permissions boundary ∩ the session policies.</li>
 * </ul>
 * Managed policies (session {@code PolicyArns}, a role's attached policies and boundary) are read through
 * {@link ManagedPolicies}.
 */
final class SessionPolicies {
    /** The root user's own permissions as an identity policy: a federated user of the root may do what it allows. */
    private static final CompiledPolicy ROOT_IDENTITY = CompiledPolicy.compile(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
            "root user", PolicyType.IDENTITY);

    private SessionPolicies() {
    }

    /** A federated user's set, given its source user's own set (null when the source is the root user). */
    static PolicySet federated(Tx tx, Session s, PolicySet sourceUser) {
        List<CompiledPolicy> identity = sourceUser == null ? List.of(ROOT_IDENTITY) : sourceUser.identity();
        List<CompiledPolicy> boundary = sourceUser == null ? null : sourceUser.boundary();
        return new PolicySet(identity, boundary, sessionPolicies(tx, s), null, null, null);
    }

    /** A role session's set; a role deleted since the session began grants nothing. */
    static PolicySet role(Tx tx, Session s) {
        Optional<Role> found = tx.roles().findById(s.sourceId());
        if (found.isEmpty() || s.kind() != SessionKind.ASSUMED_ROLE) {
            return new PolicySet(List.of(), null, sessionPolicies(tx, s), null, null, null);
        }
        Role role = found.get();
        List<CompiledPolicy> identity = new ArrayList<>();
        for (InlinePolicy p : tx.inlinePolicies().all(role.accountId(), PolicyOwnerKind.ROLE, role.name())) {
            add(identity, p.document(), "role/" + role.name() + " inline policy " + p.name(), PolicyType.IDENTITY);
        }
        identity.addAll(ManagedPolicies.attached(tx, role.accountId(), PolicyOwnerKind.ROLE, role.name()));
        List<CompiledPolicy> boundary = role.permissionsBoundaryArn() == null ? null
                : ManagedPolicies.boundary(tx, role.accountId(), role.permissionsBoundaryArn());
        return new PolicySet(identity, boundary, sessionPolicies(tx, s), null, null, null);
    }

    /** The session policies, or null when the session was given none. */
    static List<CompiledPolicy> sessionPolicies(Tx tx, Session s) {
        if (!s.hasSessionPolicies()) {
            return null;
        }
        List<CompiledPolicy> out = new ArrayList<>();
        if (s.policy() != null) {
            add(out, s.policy(), "session policy", PolicyType.SESSION);
        }
        for (String arn : s.policyArns()) {
            out.add(ManagedPolicies.sessionPolicy(tx, s.accountId(), arn));
        }
        return out;
    }

    /** A policy that was validated when the session was issued; one that no longer parses grants nothing. */
    private static void add(List<CompiledPolicy> out, String document, String name, PolicyType type) {
        ParseResult r = PolicyParser.parse(document);
        if (r.ok()) {
            out.add(CompiledPolicy.compile(r.policy(), name, type));
        }
    }
}
