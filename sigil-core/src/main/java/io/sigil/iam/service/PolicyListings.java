package io.sigil.iam.service;

import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyEntity;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ListPolicies and ListEntitiesForPolicy (IAM API Reference). Both join sources (the account's policies and the
 * AWS managed catalogue; attachments and permissions boundaries) and are paged in memory, in name order.
 */
public final class PolicyListings {

    /** ListPolicies › Scope: "To list only AWS managed policies, set Scope to AWS. To list only the customer
     * managed policies in your Amazon Web Services account, set Scope to Local. ... the default value is All". */
    public enum Scope { ALL, AWS, LOCAL }

    /**
     * PolicyUsageFilter: "To list only permissions policies, set PolicyUsageFilter to PermissionsPolicy. To list
     * only the policies used to set permissions boundaries, set the value to PermissionsBoundary."
     */
    public enum Usage { PERMISSIONS_POLICY, PERMISSIONS_BOUNDARY }

    /** ListEntitiesForPolicy's answer, each list by name. */
    public record Entities(List<PolicyEntity> users, List<PolicyEntity> groups, List<PolicyEntity> roles,
            String nextMarker) {
        public boolean isTruncated() {
            return nextMarker != null;
        }
    }

    private final Store store;

    public PolicyListings(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * ListPolicies. {@code OnlyAttached}: "only the policies that are attached to an IAM user, group, or role";
     * a usage filter keeps the policies used that way in the account (attached as a permissions policy, or set as
     * a permissions boundary). Customer and AWS managed policies are listed together by name.
     *
     * @param usage null for every policy
     */
    public Page<PolicyInfo> listPolicies(String accountId, Scope scope, boolean onlyAttached, Usage usage,
            PageRequest page) {
        return store.read(tx -> {
            Map<String, PolicyUsage> usages = tx.managedPolicies().usages(accountId);
            List<PolicyInfo> all = new ArrayList<>();
            if (scope != Scope.AWS) {
                tx.managedPolicies().list(accountId).forEach(p -> all.add(info(p, usages)));
            }
            if (scope != Scope.LOCAL) {
                AwsManagedPolicies.catalogue().all().forEach(e -> all.add(info(e.policy(), usages)));
            }
            List<PolicyInfo> kept = all.stream()
                    .filter(i -> i.policy().path().startsWith(page.pathPrefix()))
                    .filter(i -> !onlyAttached || i.usage().isAttached())
                    .filter(i -> usage == null || (usage == Usage.PERMISSIONS_POLICY ? i.usage().isAttached()
                            : i.usage().isUsedAsBoundary()))
                    .sorted(Comparator.comparing(PolicyListings::sortKey))
                    .toList();
            return ListPages.page(kept, PolicyListings::sortKey, page);
        });
    }

    /**
     * ListEntitiesForPolicy: "Lists all IAM users, groups, and roles that the specified managed policy is attached
     * to." {@code EntityFilter} User, Role or Group keeps one kind (LocalManagedPolicy and AWSManagedPolicy keep
     * all: a policy is not attached to a policy); {@code PathPrefix} applies to the entities' paths; the usage filter
     * chooses attachments (PermissionsPolicy) or boundaries (PermissionsBoundary, users and roles), both when null.
     *
     * @param kinds the entity kinds to list
     */
    public Entities listEntitiesForPolicy(String accountId, String policyArn, Set<PolicyOwnerKind> kinds,
            Usage usage, PageRequest page) {
        return store.read(tx -> {
            ManagedPolicy policy = ManagedPolicyService.require(tx, accountId, policyArn);
            Map<String, PolicyEntity> found = new LinkedHashMap<>();
            if (usage != Usage.PERMISSIONS_BOUNDARY) {
                tx.managedPolicies().entitiesFor(accountId, policy.arn()).forEach(e -> found.put(key(e), e));
            }
            if (usage != Usage.PERMISSIONS_POLICY) {
                boundaryUsers(tx, accountId, policy.arn()).forEach(e -> found.putIfAbsent(key(e), e));
            }
            List<PolicyEntity> kept = found.values().stream().filter(e -> kinds.contains(e.kind()))
                    .filter(e -> e.path().startsWith(page.pathPrefix()))
                    .sorted(Comparator.comparing(PolicyListings::key)).toList();
            Page<PolicyEntity> p = ListPages.page(kept, PolicyListings::key, page);
            return new Entities(ofKind(p, PolicyOwnerKind.USER), ofKind(p, PolicyOwnerKind.GROUP),
                    ofKind(p, PolicyOwnerKind.ROLE), p.nextMarker());
        });
    }

    /**
     * The kinds an EntityFilter value keeps (null: all). LocalManagedPolicy and AWSManagedPolicy keep none: no user,
     * group or role is a policy, and AWS answers such a filter with three empty lists (LocalStack's AWS-validated
     * snapshot test_iam_policies::TestListEntitiesForPolicy, recorded 17-02-2026).
     */
    public static Set<PolicyOwnerKind> kinds(String entityFilter) {
        if (entityFilter == null) {
            return EnumSet.allOf(PolicyOwnerKind.class);
        }
        return switch (entityFilter) {
            case "User" -> EnumSet.of(PolicyOwnerKind.USER);
            case "Group" -> EnumSet.of(PolicyOwnerKind.GROUP);
            case "Role" -> EnumSet.of(PolicyOwnerKind.ROLE);
            default -> EnumSet.noneOf(PolicyOwnerKind.class);
        };
    }

    /** Users and roles whose permissions boundary is the policy. */
    private static List<PolicyEntity> boundaryUsers(Tx tx, String accountId, String policyArn) {
        List<PolicyEntity> out = new ArrayList<>();
        PageRequest all = new PageRequest("/", null, PageRequest.MAX_MAX_ITEMS);
        for (PageRequest p = all; p != null; ) {
            Page<User> users = tx.users().list(accountId, p);
            users.items().stream().filter(u -> policyArn.equals(u.permissionsBoundaryArn()))
                    .forEach(u -> out.add(new PolicyEntity(PolicyOwnerKind.USER, u.name(), u.id(), u.path())));
            p = users.isTruncated() ? p.after(users.nextMarker()) : null;
        }
        for (PageRequest p = all; p != null; ) {
            Page<Role> roles = tx.roles().list(accountId, p);
            roles.items().stream().filter(r -> policyArn.equals(r.permissionsBoundaryArn()))
                    .forEach(r -> out.add(new PolicyEntity(PolicyOwnerKind.ROLE, r.name(), r.id(), r.path())));
            p = roles.isTruncated() ? p.after(roles.nextMarker()) : null;
        }
        return out;
    }

    private static List<PolicyEntity> ofKind(Page<PolicyEntity> page, PolicyOwnerKind kind) {
        return page.items().stream().filter(e -> e.kind() == kind).toList();
    }

    private static PolicyInfo info(ManagedPolicy p, Map<String, PolicyUsage> usages) {
        return new PolicyInfo(p, usages.getOrDefault(p.arn(), PolicyUsage.NONE));
    }

    /** Name order, case-insensitive; the ARN keeps a customer policy and an AWS one of the same name apart. */
    private static String sortKey(PolicyInfo i) {
        return i.policy().name().toLowerCase(Locale.ROOT) + " " + i.policy().arn();
    }

    private static String key(PolicyEntity e) {
        return e.kind().ordinal() + " " + e.name().toLowerCase(Locale.ROOT);
    }
}
