package io.sigil.policy;

import io.sigil.policy.internal.CandidateVisitor;
import io.sigil.policy.internal.CompiledStatement;
import io.sigil.policy.internal.EvalContext;
import io.sigil.policy.internal.Grant;
import io.sigil.policy.internal.PolicyGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides one request as AWS does (IAM User Guide, "Policy evaluation logic" and "Cross-account policy evaluation
 * logic"), in this order:
 * <ol>
 * <li>an applicable Deny in any policy type is an explicit deny;</li>
 * <li>resource control policies: AWS's RCPFullAWSAccess sits at every level, so they only deny explicitly;</li>
 * <li>service control policies: every organisation level must allow (they bind principals of the account, its
 *     root user included);</li>
 * <li>for sts:AssumeRole* and the other trust-policy actions, the role's trust policy must allow;</li>
 * <li>an account root acting in its own account is allowed;</li>
 * <li>a resource-based policy that allows, in the same account: naming the user, the session or everyone grants
 *     on its own (a boundary or session policy does not limit it); naming the role counts only if the role's
 *     boundary and the session policies allow too; naming the account delegates to identity policies;</li>
 * <li>identity-based policies must allow, then the permissions boundary, then the session policies (a federated
 *     user session without a session policy is denied here);</li>
 * <li>across accounts, the resource-based policy must allow as well.</li>
 * </ol>
 * Total: never throws on policy content. Thread-safe.
 *
 * <p>{@link #simulator()} is the variant the IAM policy simulator applies, which differs for the sts:AssumeRole
 * family only.
 */
public final class PolicyEngine {

    /**
     * Actions authorised against a role's trust policy (IAM User Guide, "Policy evaluation logic"; "Passing session
     * tags in AWS STS"; "Monitor and control actions taken with assumed roles": sts:SetSourceIdentity).
     */
    private static final Set<String> TRUST_POLICY_ACTIONS = Set.of("sts:assumerole",
            "sts:assumerolewithsaml", "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity",
            "sts:setcontext");

    /**
     * The actions the IAM policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy) decides from the caller's
     * identity side alone. AWS's simulator does not evaluate role trust policies: it answers {@code allowed} for an
     * identity-based policy that allows sts:AssumeRole, and it validates a trust policy passed as ResourcePolicy but
     * discards it before evaluating, a Deny included (aws/aws-cli#10314, eleven cases run against AWS across
     * sts:AssumeRole and sts:AssumeRoleWithWebIdentity; ReversecLabs/IAMSpy#25, the same with the simulator console).
     * A real AssumeRole call still needs the trust policy ({@link #TRUST_POLICY_ACTIONS}).
     */
    private static final Set<String> SIMULATED_FROM_IDENTITY = Set.of("sts:assumerole", "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity");

    private final boolean simulator;

    /** The engine that authorises requests. */
    public PolicyEngine() {
        this(false);
    }

    private PolicyEngine(boolean simulator) {
        this.simulator = simulator;
    }

    /**
     * The engine as the IAM policy simulator applies it: no trust-policy requirement (the simulator consults a
     * resource-based policy only as one more policy), and the sts:AssumeRole family decided by the identity-based
     * policies and the permissions boundary alone, whatever the resource-based policy or the resource's account
     * ({@link #simulatedFromIdentity}).
     */
    public static PolicyEngine simulator() {
        return new PolicyEngine(true);
    }

    /** Whether the policy simulator decides {@code action} from the caller's identity side alone. */
    public static boolean simulatedFromIdentity(String action) {
        return SIMULATED_FROM_IDENTITY.contains(action.toLowerCase(Locale.ROOT));
    }

    /** Whether this engine decides {@code action} from the caller's identity side alone (the simulator's does). */
    private boolean identityOnly(String action) {
        return simulator && simulatedFromIdentity(action);
    }

    /** What one policy type said about the request; it visits the index's candidate statements itself. */
    private static final class Result implements CandidateVisitor {
        final PolicyType type;
        final EvalContext ctx;
        final boolean principals;
        final boolean allMatches;
        final boolean callerHasBoundary;
        List<CompiledStatement> allows;
        List<CompiledStatement> denies;
        Grant grant = Grant.NONE;

        Result(PolicyType type, EvalContext ctx, boolean principals, boolean allMatches, boolean callerHasBoundary) {
            this.type = type;
            this.ctx = ctx;
            this.principals = principals;
            this.allMatches = allMatches;
            this.callerHasBoundary = callerHasBoundary;
        }

        /**
         * Denies come first. Unless every match is wanted, a found Deny makes the Allows moot, and one Allow
         * settles the type (for a resource-based policy, one that names the caller directly).
         */
        @Override
        public boolean visit(CompiledStatement s) {
            if (!allMatches && denies != null && s.effect() == Effect.ALLOW) {
                return false;
            }
            apply(s, this, ctx.request().resource(), ctx, principals);
            return allMatches || allows == null || (principals && grant != Grant.DIRECT);
        }

        boolean allows() {
            return allows != null;
        }

        boolean denies() {
            return denies != null;
        }
    }

    /**
     * Decides the request. The decision lists the applicable Deny statements, or one Allow that grants; use
     * {@link #explain} to list every applicable statement.
     */
    public Decision evaluate(RequestContext request, PolicySet set) {
        return decide(request, set, false);
    }

    /** Decides the request and lists every applicable statement of every policy type (for the simulator). */
    public Decision explain(RequestContext request, PolicySet set) {
        return decide(request, set, true);
    }

    /**
     * The context keys read by the statements of the set's identity-based, boundary, session and resource-based
     * policies, each once: the simulator's MissingContextValues lists "the context keys that are required by the
     * included input policies but that were not provided" (IAM API Reference, "EvaluationResult"), and AWS lists
     * those of every statement, whatever its action (boto/boto3#3111: simulating s3:ListBucket reports the key of
     * an s3:GetObject statement's resource; aws/aws-sdk-java-v2#1751), but not those of organization policies
     * (aws/aws-cli#10525). The resource-based policy's are left out where the simulator discards that policy
     * ({@link #simulatedFromIdentity}).
     */
    public List<String> keysRead(String action, PolicySet set) {
        PolicySet.Groups g = set.groups();
        List<PolicyGroup> groups = new ArrayList<>();
        groups.add(g.identity());
        boolean identityOnly = identityOnly(action);
        addIfPresent(groups, g.boundary(), g.session(), identityOnly ? null : g.resource());
        List<List<String>> lists = new ArrayList<>();
        for (PolicyGroup group : groups) {
            for (CompiledStatement s : group.statements()) {
                lists.add(s.keysRead());
            }
        }
        return ContextKeys.union(lists);
    }

    /**
     * The keys of {@link #keysRead} that the request neither holds nor lets the engine derive (from the principal, or
     * aws:CurrentTime from aws:EpochTime and back): the simulator's MissingContextValues.
     */
    public List<String> missingKeys(RequestContext request, PolicySet set) {
        EvalContext ctx = new EvalContext(request);
        List<String> out = new ArrayList<>();
        for (String k : keysRead(request.action(), set)) {
            if (ctx.value(k.toLowerCase(Locale.ROOT)) == null) {
                out.add(k);
            }
        }
        return out;
    }

    private Decision decide(RequestContext request, PolicySet set, boolean all) {
        EvalContext ctx = new EvalContext(request);
        Caller caller = request.caller();
        String action = request.action();
        PolicySet.Groups g = set.groups();
        boolean hasIdentity = caller.hasIdentity();
        boolean identityOnly = identityOnly(action);

        Result identity = hasIdentity ? evaluate(g.identity(), PolicyType.IDENTITY, action, ctx, false, all, false) : null;
        Result boundary = hasIdentity && g.boundary() != null
                ? evaluate(g.boundary(), PolicyType.PERMISSIONS_BOUNDARY, action, ctx, false, all, false) : null;
        Result session = hasIdentity && g.session() != null
                ? evaluate(g.session(), PolicyType.SESSION, action, ctx, false, all, false) : null;
        Result resource = g.resource() != null && !identityOnly
                ? evaluate(g.resource(), PolicyType.RESOURCE, action, ctx, true, all, boundary != null) : null;
        List<Result> scps = levels(hasIdentity ? g.scp() : List.of(), PolicyType.SCP, action, ctx, false, all, false);
        List<Result> rcps = levels(identityOnly ? List.of() : g.rcp(), PolicyType.RCP, action, ctx, true, all,
                boundary != null);

        // 1. Explicit deny anywhere wins; reported by the first type in this order.
        if (anyDenies(scps) || anyDenies(rcps) || denies(identity) || denies(resource) || denies(boundary)
                || denies(session)) {
            List<Result> results = new ArrayList<>(scps);
            results.addAll(rcps);
            addIfPresent(results, identity, resource, boundary, session);
            List<StatementRef> denyRefs = new ArrayList<>();
            PolicyType denyType = null;
            for (Result r : results) {
                if (r.denies()) {
                    denyType = denyType == null ? r.type : denyType;
                    r.denies.forEach(s -> denyRefs.add(s.ref()));
                }
            }
            return new Decision(Outcome.EXPLICIT_DENY, denyType, denyRefs, List.of());
        }
        // 3. Every SCP level must allow.
        for (Result r : scps) {
            if (!r.allows()) {
                return implicitDeny(PolicyType.SCP, request, set, ctx);
            }
        }
        // 3b. A role trust policy must allow the caller itself, in the same account too: it is an exception to "an
        // identity-based or a resource-based policy suffices" (IAM User Guide, "Policy evaluation logic": IAM role
        // trust policies must explicitly allow access for principals).
        boolean trust = !simulator && isTrustPolicyAction(action);
        if (trust && (resource == null || !resource.allows())) {
            return implicitDeny(PolicyType.RESOURCE, request, set, ctx);
        }
        boolean cross = request.crossAccount() && !identityOnly;
        // 4. The account root in its own account.
        if (caller.kind() == Caller.Kind.ROOT && !cross) {
            return new Decision(Outcome.ALLOW, null, List.of(), List.of());
        }
        // 5. Resource-based policy in the same account (or for callers that have no account of their own).
        if (resource != null && resource.allows() && (!cross || !hasIdentity)) {
            boolean direct = resource.grant == Grant.DIRECT || !hasIdentity;
            // A trust policy naming the caller directly is still bounded by the caller's permissions boundary, which
            // must allow sts:AssumeRole (IAM User Guide, "Update a role trust policy", notes).
            if (trust && hasIdentity && !allowsOrAbsent(boundary)) {
                direct = false;
            }
            boolean viaRole = resource.grant == Grant.ROLE && allowsOrAbsent(boundary) && allowsOrAbsent(session);
            if (direct || viaRole) {
                return allow(PolicyType.RESOURCE, resource);
            }
        }
        if (!hasIdentity) {
            return implicitDeny(PolicyType.RESOURCE, request, set, ctx);
        }
        // 6. Identity side: identity policies (the root has all of its own), boundary, session policies.
        boolean rootIdentity = caller.kind() == Caller.Kind.ROOT;
        if (!rootIdentity && !identity.allows()) {
            return implicitDeny(PolicyType.IDENTITY, request, set, ctx);
        }
        if (boundary != null && !boundary.allows()) {
            return implicitDeny(PolicyType.PERMISSIONS_BOUNDARY, request, set, ctx);
        }
        if (session != null && !session.allows()) {
            return implicitDeny(PolicyType.SESSION, request, set, ctx);
        }
        // A federated user session (GetFederationToken) without a session policy has no permissions of its own; only
        // a resource policy naming it directly (step 5) grants (IAM User Guide, "Policy evaluation logic", session
        // policies: "If there is no session policy ... Otherwise, the request is implicitly denied").
        if (session == null && caller.kind() == Caller.Kind.FEDERATED_USER) {
            return implicitDeny(PolicyType.SESSION, request, set, ctx);
        }
        // 7. Across accounts the resource's own policy must allow too.
        if (cross) {
            if (resource == null || !resource.allows()) {
                return implicitDeny(PolicyType.RESOURCE, request, set, ctx);
            }
            List<StatementRef> refs = refs(identity);
            resource.allows.forEach(s -> refs.add(s.ref()));
            return new Decision(Outcome.ALLOW, PolicyType.IDENTITY, refs, List.of());
        }
        return rootIdentity ? new Decision(Outcome.ALLOW, null, List.of(), List.of()) : allow(PolicyType.IDENTITY, identity);
    }

    private static List<Result> levels(List<PolicyGroup> groups, PolicyType type, String action, EvalContext ctx,
                                       boolean principals, boolean all, boolean callerHasBoundary) {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<Result> out = new ArrayList<>(groups.size());
        for (PolicyGroup level : groups) {
            out.add(evaluate(level, type, action, ctx, principals, all, callerHasBoundary));
        }
        return out;
    }

    private static boolean denies(Result r) {
        return r != null && r.denies();
    }

    private static boolean anyDenies(List<Result> rs) {
        for (Result r : rs) {
            if (r.denies()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrustPolicyAction(String action) {
        return TRUST_POLICY_ACTIONS.contains(action.toLowerCase(Locale.ROOT));
    }

    private static void addIfPresent(List<Result> out, Result... rs) {
        for (Result r : rs) {
            if (r != null) {
                out.add(r);
            }
        }
    }

    private static boolean allowsOrAbsent(Result r) {
        return r == null || r.allows();
    }

    private static List<StatementRef> refs(Result r) {
        List<StatementRef> out = new ArrayList<>();
        if (r != null && r.allows != null) {
            r.allows.forEach(s -> out.add(s.ref()));
        }
        return out;
    }

    private static Decision allow(PolicyType type, Result r) {
        return new Decision(Outcome.ALLOW, type, refs(r), List.of());
    }

    /** Evaluates one policy type: which statements apply, and for resource-type policies how the Principal matched. */
    /**
     * Evaluates one policy type: which statements apply, and for resource-type policies how the Principal matched.
     *
     * @param callerHasBoundary whether a permissions boundary is in force for the caller (NotPrincipal reads it)
     */
    private static Result evaluate(PolicyGroup group, PolicyType type, String action, EvalContext ctx,
                                   boolean principals, boolean all, boolean callerHasBoundary) {
        Result r = new Result(type, ctx, principals, all, callerHasBoundary);
        group.bucket(action).forEachCandidate(ctx.request().resource(), r);
        return r;
    }

    /** The index may offer a statement once per resource pattern; a decision lists it once. */
    private static void addOnce(List<CompiledStatement> list, CompiledStatement s) {
        for (CompiledStatement x : list) {
            if (x == s) {
                return;
            }
        }
        list.add(s);
    }

    private static void apply(CompiledStatement s, Result r, String resource, EvalContext ctx, boolean principals) {
        if (!s.matchesResource(resource, ctx)) {
            return;
        }
        Grant grant = Grant.DIRECT;
        if (principals && s.principal() != null) {
            if (s.principal().negated()) {
                // A Deny with NotPrincipal always applies to a principal that has a permissions boundary, whatever
                // it lists (IAM User Guide, "Permissions boundaries for IAM entities", Important note).
                boolean boundaryOverrides = s.effect() == Effect.DENY && r.callerHasBoundary;
                if (!boundaryOverrides && s.principal().exempts(ctx.caller(), ctx)) {
                    return;
                }
            } else {
                grant = s.principal().match(ctx.caller(), ctx);
                if (grant == Grant.NONE) {
                    return;
                }
            }
        } else if (principals && r.type == PolicyType.RESOURCE) {
            return; // a resource-based statement without a principal names no one
        }
        if (!s.conditionsHold(ctx)) {
            return;
        }
        if (s.effect() == Effect.DENY) {
            if (r.denies == null) {
                r.denies = new ArrayList<>(2);
            }
            addOnce(r.denies, s);
        } else {
            if (r.allows == null) {
                r.allows = new ArrayList<>(2);
            }
            addOnce(r.allows, s);
            r.grant = r.grant.max(grant);
        }
    }

    /** An implicit deny, with every statement whose action matched and the first element that failed. */
    private static Decision implicitDeny(PolicyType missing, RequestContext request, PolicySet set, EvalContext ctx) {
        return new Decision(Outcome.IMPLICIT_DENY, missing, List.of(), () -> nearMisses(request, set, ctx));
    }

    private static List<NearMiss> nearMisses(RequestContext request, PolicySet set, EvalContext ctx) {
        List<NearMiss> misses = new ArrayList<>();
        PolicySet.Groups g = set.groups();
        List<PolicyGroup> groups = new ArrayList<>();
        groups.add(g.identity());
        addIfPresent(groups, g.boundary(), g.session(), g.resource());
        groups.addAll(g.scp());
        for (PolicyGroup group : groups) {
            for (CompiledStatement s : group.bucket(request.action()).all()) {
                if (s.effect() != Effect.ALLOW) {
                    continue;
                }
                String why = s.failure(request.resource(), ctx);
                if (why != null) {
                    misses.add(new NearMiss(s.ref(), why));
                }
            }
        }
        return misses;
    }

    private static void addIfPresent(List<PolicyGroup> out, PolicyGroup... gs) {
        for (PolicyGroup x : gs) {
            if (x != null) {
                out.add(x);
            }
        }
    }
}
