package io.sigil.iam.auth;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import io.sigil.iam.store.Tx;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Decision;
import io.sigil.policy.Effect;
import io.sigil.policy.Outcome;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.RequestContext;
import io.sigil.policy.StatementRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorises API calls with the policy engine (IAM User Guide, "Policy evaluation logic"): gathers the caller's
 * identity-based policies — a user's inline and attached managed policies and those of its groups — and its
 * permissions boundary, compiles them once, and asks the engine. A managed policy counts with its default version
 * (an AWS managed one from the catalogue). Compiled sets are cached per user and dropped on every committed change
 * the store reports (attachments are user/group/role events, new default versions policy events), which on
 * PostgreSQL includes other nodes' changes. Compiled AWS managed policies never change and are kept.
 */
public final class Authorizer implements AutoCloseable {
    /**
     * Stands in for the caller's own policies in {@link #authorizeTrust}; compiled at the first trust check, not at
     * every server start, where it was the first use of the policy parser (sigil-bench's ColdStart).
     */
    private static final class AllowAll {
        static final CompiledPolicy POLICY = CompiledPolicy.compile(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                "caller policies not enforced", PolicyType.IDENTITY);
    }
    private final Store store;
    private final PolicyEngine engine = new PolicyEngine();
    private final Map<String, PolicySet> byUserId = new ConcurrentHashMap<>();
    /** Compiled sets of federated-user and role sessions by temporary key id; bounded, dropped on any change. */
    private final Map<String, PolicySet> bySession = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_SESSIONS = 10_000;
    private final Subscription subscription;

    public Authorizer(Store store) {
        this.store = store;
        this.subscription = store.subscribe(event -> {
            byUserId.clear();
            bySession.clear();
        });
    }

    /** The decision for {@code action} on {@code resource} by this principal, with the request's context keys. */
    public Decision authorize(Principal principal, String action, String resource, String resourceAccount,
                              Map<String, ContextValue> keys) {
        RequestContext request = new RequestContext(principal.caller(), action, resource, resourceAccount, keys);
        return engine.evaluate(request, policiesOf(principal));
    }

    /**
     * The decision with a resource-based policy in force too, e.g. a role's trust policy for sts:AssumeRole (IAM User
     * Guide, "Policy evaluation logic": the trust policy is the resource-based policy of the role).
     */
    public Decision authorize(Principal principal, String action, String resource, String resourceAccount,
                              Map<String, ContextValue> keys, CompiledPolicy resourcePolicy) {
        RequestContext request = new RequestContext(principal.caller(), action, resource, resourceAccount, keys);
        PolicySet p = policiesOf(principal);
        return engine.evaluate(request, new PolicySet(p.identity(), p.boundary(), p.session(), resourcePolicy,
                p.scp(), p.rcp()));
    }

    /**
     * The decision of a trust policy alone, as if the caller's own policies allowed everything: whether the role's
     * trust policy lets this caller become the role (IAM User Guide, "Policy evaluation logic": a role trust policy
     * must allow the principal, in the same account too; an explicit deny in it refuses). Used where the caller's
     * permissions are relaxed by the enforcement mode but the trust policy must not be.
     */
    public Decision authorizeTrust(Principal principal, String action, String resource, String resourceAccount,
                                   Map<String, ContextValue> keys, CompiledPolicy trustPolicy) {
        RequestContext request = new RequestContext(principal.caller(), action, resource, resourceAccount, keys);
        return engine.evaluate(request, new PolicySet(List.of(AllowAll.POLICY), null, null, trustPolicy, null, null));
    }

    /**
     * The policy set in force for a principal; the account root has none (it is allowed in its own account). A
     * GetSessionToken session has its user's (or root's) set; federated-user and role sessions are composed by
     * {@link SessionPolicies} and cached per temporary key id.
     */
    public PolicySet policiesOf(Principal principal) {
        Session session = principal.session();
        if (session != null && session.kind() != SessionKind.SESSION_TOKEN) {
            if (bySession.size() >= MAX_CACHED_SESSIONS) {
                bySession.clear();
            }
            return bySession.computeIfAbsent(session.accessKeyId(), k -> sessionSet(principal));
        }
        if (principal.isRoot()) {
            return PolicySet.identityOnly(List.of());
        }
        User user = principal.user();
        return byUserId.computeIfAbsent(user.id(), id -> store.read(tx -> load(tx, user)));
    }

    private PolicySet sessionSet(Principal principal) {
        Session s = principal.session();
        if (s.kind() == SessionKind.FEDERATED_USER) {
            PolicySet source = principal.user() == null ? null : policiesOf(Principal.user(principal.user(), null));
            return store.read(tx -> SessionPolicies.federated(tx, s, source));
        }
        return store.read(tx -> SessionPolicies.role(tx, s));
    }

    /** Reads the user afresh: its boundary, name and attachments may have changed since its key was resolved. */
    private static PolicySet load(Tx tx, User principalUser) {
        User user = tx.users().findById(principalUser.id()).orElse(null);
        if (user == null) {
            return PolicySet.identityOnly(List.of());
        }
        List<CompiledPolicy> identity = new ArrayList<>();
        for (InlinePolicy p : tx.inlinePolicies().all(user.accountId(), PolicyOwnerKind.USER, user.name())) {
            add(identity, p, "user/" + user.name() + " inline policy " + p.name());
        }
        addManaged(tx, identity, user.accountId(), PolicyOwnerKind.USER, user.name());
        PageRequest page = new PageRequest("/", null, PageRequest.MAX_MAX_ITEMS);
        while (true) {
            Page<Group> groups = tx.groups().listForUser(user.accountId(), user.name(), page);
            for (Group g : groups.items()) {
                for (InlinePolicy p : tx.inlinePolicies().all(g.accountId(), PolicyOwnerKind.GROUP, g.name())) {
                    add(identity, p, "group/" + g.name() + " inline policy " + p.name());
                }
                addManaged(tx, identity, g.accountId(), PolicyOwnerKind.GROUP, g.name());
            }
            if (!groups.isTruncated()) {
                break;
            }
            page = page.after(groups.nextMarker());
        }
        return new PolicySet(identity, boundary(tx, user), null, null, null, null);
    }

    /** The managed policies attached to one user or group, each with its default version. */
    private static void addManaged(Tx tx, List<CompiledPolicy> out, String accountId, PolicyOwnerKind kind,
                                   String name) {
        out.addAll(ManagedPolicies.attached(tx, accountId, kind, name));
    }

    /**
     * The user's permissions boundary (IAM User Guide, "Permissions boundaries for IAM entities"), or null for none.
     * A boundary that cannot be read allows nothing: the engine then denies every action.
     */
    private static List<CompiledPolicy> boundary(Tx tx, User user) {
        if (user.permissionsBoundaryArn() == null) {
            return null;
        }
        return ManagedPolicies.boundary(tx, user.accountId(), user.permissionsBoundaryArn());
    }

    /** Stored policies were validated when put; one that no longer parses grants nothing rather than failing. */
    private static void add(List<CompiledPolicy> out, InlinePolicy p, String name) {
        ParseResult r = PolicyParser.parse(p.document());
        if (r.ok()) {
            out.add(CompiledPolicy.compile(r.policy(), name, PolicyType.IDENTITY));
        }
    }

    /**
     * AWS's AccessDenied message (IAM User Guide, "Access denied error messages"): "User: ARN is not authorized to
     * perform: ACTION on resource: ARN because no identity-based policy allows the ACTION action", for a resource
     * in the principal's own account.
     */
    public static String deniedMessage(Principal principal, String action, String resource, Decision d) {
        return deniedMessage(principal, action, resource, principal.accountId(), d);
    }

    /**
     * AWS's AccessDenied message for a resource in {@code resourceAccount} (null: the principal's). An explicit deny
     * by a managed policy (identity-based, permissions boundary, managed session policy, SCP, RCP) also names that
     * policy's ARN, "... with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/P", but
     * only when principal and resource are in the same account (AWS Security Blog, "Enhanced access denied error
     * messages with policy ARNs": same account and same organization only; inline and resource-based policies have
     * no ARN and are named by type alone).
     */
    public static String deniedMessage(Principal principal, String action, String resource, String resourceAccount,
                                       Decision d) {
        String reason = d.awsReason(action);
        String message = principal.describe() + " is not authorized to perform: " + action + " on resource: "
                + resource + (reason.isEmpty() ? "" : " " + reason);
        boolean sameAccount = resourceAccount == null || resourceAccount.equals(principal.accountId());
        if (d.outcome() == Outcome.EXPLICIT_DENY && sameAccount) {
            String arn = denyingPolicyArn(d);
            if (arn != null) {
                message += ": " + arn;
            }
        }
        return message;
    }

    /** The ARN of the first Deny statement's policy of the deciding type, if that policy is a managed one. */
    private static String denyingPolicyArn(Decision d) {
        for (StatementRef s : d.statements()) {
            if (phrase(s.type()).equals(phrase(d.decidedBy())) && s.effect() == Effect.DENY) {
                return s.policyName() != null && s.policyName().startsWith("arn:") ? s.policyName() : null;
            }
        }
        return null;
    }

    private static String phrase(PolicyType t) {
        return t == null ? "" : t.phrase();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
