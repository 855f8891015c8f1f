package io.sigil.iam.service;

import io.sigil.iam.Arns;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.store.GroupStore;
import io.sigil.iam.store.ManagedPolicyStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.RoleStore;
import io.sigil.iam.store.Tx;
import io.sigil.iam.store.UserStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a last-accessed report or ListPoliciesGrantingServiceAccess is about, read from the Arn of a user, group,
 * role or managed policy (IAM API Reference, "GenerateServiceLastAccessedDetails" › Arn): the permissions policies
 * in play and the users and roles whose activity counts.
 * <ul>
 *   <li>User: its inline and managed policies and those of its groups ("The list also includes any additional
 *       managed and inline policies that are attached to the group to which the user belongs"); itself.</li>
 *   <li>Group: its own policies ("Policies that are attached to the group's user are not included"); its members.</li>
 *   <li>Role: its own policies; itself.</li>
 *   <li>Managed policy: itself; the users, roles and group members it is attached to.</li>
 * </ul>
 * Permissions boundaries are not permissions policies and are left out ("Policies that are attached to users and
 * roles as permissions boundaries are not returned").
 *
 * @param kind     {@code USER}, {@code GROUP}, {@code ROLE} or {@code POLICY}
 * @param policies the permissions policies, each with what it grants
 * @param entities the users and roles whose attempts count, by unique id, each once
 */
public record AccessSubject(String kind, String arn, List<GrantingPolicy> policies, List<Entity> entities) {

    public AccessSubject {
        policies = List.copyOf(policies);
        entities = List.copyOf(entities);
    }

    /**
     * A permissions policy: a managed one by ARN, or an inline one with the identity it is embedded in.
     *
     * @param grants the services it allows, lower-case namespace to action names
     */
    public record GrantingPolicy(String name, String arn, PolicyOwnerKind ownerKind, String ownerName,
                                 Map<String, Set<String>> grants) {
        public GrantingPolicy {
            grants = Map.copyOf(grants);
        }

        public boolean inline() {
            return arn == null;
        }
    }

    /** A user or role. */
    public record Entity(PolicyOwnerKind kind, String id, String name, String path, String arn) {
    }

    /**
     * Reads the subject named by {@code arn} in {@code accountId}.
     *
     * @throws IamException InvalidInput for an ARN that names no user, group, role or managed policy;
     *     NoSuchEntity for one that does not exist in the account
     */
    public static AccessSubject resolve(Tx tx, String accountId, String arn, boolean policiesAllowed) {
        String[] p = arn.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || !p[1].equals(Arns.PARTITION) || !p[2].equals("iam")
                || !p[3].isEmpty() || p[5].indexOf('/') <= 0) {
            throw invalidArn(arn);
        }
        String type = p[5].substring(0, p[5].indexOf('/'));
        String name = p[5].substring(p[5].lastIndexOf('/') + 1);
        boolean own = p[4].equals(accountId);
        switch (type) {
            case "user":
                return user(tx, accountId, own ? tx.users().find(accountId, name)
                        .filter(u -> u.arn().equals(arn)).orElse(null) : null, name);
            case "group":
                return group(tx, accountId, own ? tx.groups().find(accountId, name)
                        .filter(g -> g.arn().equals(arn)).orElse(null) : null, name);
            case "role":
                return role(tx, accountId, own ? tx.roles().find(accountId, name)
                        .filter(r -> r.arn().equals(arn)).orElse(null) : null, name);
            case "policy":
                if (!policiesAllowed) {
                    throw invalidArn(arn);
                }
                return policy(tx, accountId, arn);
            default:
                throw invalidArn(arn);
        }
    }

    static IamException invalidArn(String arn) {
        return IamException.invalidInput("ARN " + arn + " is not valid.");
    }

    private static AccessSubject user(Tx tx, String accountId, User u, String name) {
        if (u == null) {
            throw UserStore.noSuchUser(name);
        }
        List<GrantingPolicy> policies = new ArrayList<>(own(tx, accountId, PolicyOwnerKind.USER, u.name()));
        for (Group g : all(page -> tx.groups().listForUser(accountId, u.name(), page))) {
            policies.addAll(own(tx, accountId, PolicyOwnerKind.GROUP, g.name()));
        }
        return new AccessSubject("USER", u.arn(), policies, List.of(entity(u)));
    }

    private static AccessSubject group(Tx tx, String accountId, Group g, String name) {
        if (g == null) {
            throw GroupStore.noSuchGroup(name);
        }
        List<Entity> members = all(page -> tx.groups().members(accountId, g.name(), page)).stream()
                .map(AccessSubject::entity).toList();
        return new AccessSubject("GROUP", g.arn(), own(tx, accountId, PolicyOwnerKind.GROUP, g.name()), members);
    }

    private static AccessSubject role(Tx tx, String accountId, Role r, String name) {
        if (r == null) {
            throw RoleStore.noSuchRole(name);
        }
        return new AccessSubject("ROLE", r.arn(), own(tx, accountId, PolicyOwnerKind.ROLE, r.name()),
                List.of(new Entity(PolicyOwnerKind.ROLE, r.id(), r.name(), r.path(), r.arn())));
    }

    private static AccessSubject policy(Tx tx, String accountId, String arn) {
        ManagedPolicy mp = PolicyLookup.find(tx, accountId, arn)
                .orElseThrow(() -> ManagedPolicyStore.noSuchPolicy(arn));
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (PolicyEntity e : tx.managedPolicies().entitiesFor(accountId, mp.arn())) {
            switch (e.kind()) {
                case USER -> entities.putIfAbsent(e.id(), new Entity(PolicyOwnerKind.USER, e.id(), e.name(),
                        e.path(), Arns.user(accountId, e.path(), e.name())));
                case ROLE -> entities.putIfAbsent(e.id(), new Entity(PolicyOwnerKind.ROLE, e.id(), e.name(),
                        e.path(), Arns.role(accountId, e.path(), e.name())));
                case GROUP -> all(page -> tx.groups().members(accountId, e.name(), page))
                        .forEach(u -> entities.putIfAbsent(u.id(), entity(u)));
            }
        }
        return new AccessSubject("POLICY", mp.arn(), List.of(managed(tx, accountId, mp.arn(), null, null)),
                List.copyOf(entities.values()));
    }

    /** The inline and managed policies attached to one user, group or role directly. */
    private static List<GrantingPolicy> own(Tx tx, String accountId, PolicyOwnerKind kind, String name) {
        List<GrantingPolicy> out = new ArrayList<>();
        for (InlinePolicy p : tx.inlinePolicies().all(accountId, kind, name)) {
            out.add(new GrantingPolicy(p.name(), null, kind, name, GrantedServices.of(p.document())));
        }
        for (String arn : tx.managedPolicies().attached(accountId, kind, name)) {
            out.add(managed(tx, accountId, arn, kind, name));
        }
        return out;
    }

    private static GrantingPolicy managed(Tx tx, String accountId, String arn, PolicyOwnerKind kind, String name) {
        String policyName = PolicyLookup.find(tx, accountId, arn).map(ManagedPolicy::name)
                .orElse(arn.substring(arn.lastIndexOf('/') + 1));
        Map<String, Set<String>> grants = PolicyLookup.defaultVersion(tx, accountId, arn)
                .map(v -> GrantedServices.of(v.document())).orElse(Map.of());
        return new GrantingPolicy(policyName, arn, kind, name, grants);
    }

    private static Entity entity(User u) {
        return new Entity(PolicyOwnerKind.USER, u.id(), u.name(), u.path(), u.arn());
    }

    private static <T> List<T> all(java.util.function.Function<PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        PageRequest page = PageRequest.of(PageRequest.MAX_MAX_ITEMS);
        while (page != null) {
            Page<T> p = list.apply(page);
            out.addAll(p.items());
            page = p.isTruncated() ? page.after(p.nextMarker()) : null;
        }
        return out;
    }
}
