package io.sigil.iam.service;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.PolicyUsage;
import io.sigil.iam.model.PolicyVersion;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.reference.AwsManagedPolicies;
import io.sigil.iam.reference.AwsManagedPolicyVersions;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * GetAccountAuthorizationDetails (IAM API Reference): "information about all IAM users, groups, roles, and
 * policies in your Amazon Web Services account, including their relationships to one another", one consistent
 * snapshot per page.
 *
 * <p>The four lists are paged as one sequence (users, then groups, roles and managed policies, each by name):
 * MaxItems counts items of every list together and the Marker resumes after the last item returned, whichever list
 * it was in. Customer managed policies are listed whole; an AWS managed policy only while the account uses it
 * (attached to a user, group or role, or set as a permissions boundary), as IAM reports the policies of the account
 * rather than AWS's whole catalogue. A customer managed policy carries every version it has, with its document;
 * an AWS managed policy its default version only: its history (up to some 150 versions of several hundred
 * kilobytes, {@link io.sigil.iam.reference.AwsManagedPolicyVersions}) stays with ListPolicyVersions and
 * GetPolicyVersion, which page it and read one document at a time.
 */
public final class AuthorizationDetailsService {

    /** The Filter values (API Reference, "EntityType"): User, Role, Group, LocalManagedPolicy, AWSManagedPolicy. */
    public enum EntityType { USER, ROLE, GROUP, LOCAL_MANAGED_POLICY, AWS_MANAGED_POLICY }

    private final Store store;

    public AuthorizationDetailsService(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @param filter the entity types to include; empty for all ("Only the entities that match the types you specify") */
    public AuthorizationDetails details(String accountId, Set<EntityType> filter, PageRequest page) {
        Set<EntityType> types = filter.isEmpty() ? EnumSet.allOf(EntityType.class) : EnumSet.copyOf(filter);
        return store.read(tx -> {
            List<Item> all = new ArrayList<>();
            if (types.contains(EntityType.USER)) {
                all(accountId, (a, p) -> tx.users().list(a, p)).forEach(u -> all.add(new Item("0 " + lower(u.name()), u)));
            }
            if (types.contains(EntityType.GROUP)) {
                all(accountId, (a, p) -> tx.groups().list(a, p)).forEach(g -> all.add(new Item("1 " + lower(g.name()), g)));
            }
            if (types.contains(EntityType.ROLE)) {
                all(accountId, (a, p) -> tx.roles().list(a, p)).forEach(r -> all.add(new Item("2 " + lower(r.name()), r)));
            }
            policies(tx, accountId, types).forEach(i -> all.add(new Item("3 " + lower(i.policy().name()) + " "
                    + i.policy().arn(), i)));
            all.sort(Comparator.comparing(Item::key));
            Page<Item> p = ListPages.page(all, Item::key, page);
            List<AuthorizationDetails.UserDetail> users = new ArrayList<>();
            List<AuthorizationDetails.GroupDetail> groups = new ArrayList<>();
            List<AuthorizationDetails.RoleDetail> roles = new ArrayList<>();
            List<AuthorizationDetails.PolicyDetail> policies = new ArrayList<>();
            Map<String, List<PolicyVersion>> awsVersions = awsManagedVersions(p.items());
            for (Item item : p.items()) {
                if (item.value() instanceof User u) {
                    users.add(user(tx, accountId, u));
                } else if (item.value() instanceof Group g) {
                    groups.add(new AuthorizationDetails.GroupDetail(g,
                            tx.inlinePolicies().all(accountId, PolicyOwnerKind.GROUP, g.name()),
                            attached(tx, accountId, PolicyOwnerKind.GROUP, g.name())));
                } else if (item.value() instanceof Role r) {
                    roles.add(role(tx, accountId, r));
                } else {
                    policies.add(policy(tx, (PolicyInfo) item.value(), awsVersions));
                }
            }
            return new AuthorizationDetails(users, groups, roles, policies, p.nextMarker());
        });
    }

    private record Item(String key, Object value) {}

    /** The user read again with its tags, which UserDetail carries and the store's listing leaves out. */
    private static AuthorizationDetails.UserDetail user(Tx tx, String accountId, User listed) {
        User u = tx.users().get(accountId, listed.name());
        List<String> groupNames = all(accountId, (a, p) -> tx.groups().listForUser(a, u.name(), p)).stream()
                .map(Group::name).toList();
        return new AuthorizationDetails.UserDetail(u, tx.inlinePolicies().all(accountId, PolicyOwnerKind.USER,
                u.name()), groupNames, attached(tx, accountId, PolicyOwnerKind.USER, u.name()));
    }

    /**
     * The role read again with its tags, which RoleDetail carries and the store's listing leaves out, and its trust
     * policy, like those of its instance profiles' roles, as GetRole shows it: with its principals as they are now
     * (spec §10 F62-F63).
     */
    private static AuthorizationDetails.RoleDetail role(Tx tx, String accountId, Role listed) {
        Role r = RoleService.rendered(tx, tx.roles().get(accountId, listed.name()));
        List<InstanceProfile> profiles = all(accountId, (a, p) -> tx.instanceProfiles().listForRole(a, r.name(), p))
                .stream().map(ip -> InstanceProfileService.rendered(tx, ip)).toList();
        return new AuthorizationDetails.RoleDetail(r, profiles,
                tx.inlinePolicies().all(accountId, PolicyOwnerKind.ROLE, r.name()),
                attached(tx, accountId, PolicyOwnerKind.ROLE, r.name()));
    }

    /**
     * The versions of the page's AWS managed policies, all of them with their documents (AWS's PolicyVersionList for
     * an AWS managed policy has its whole history), read in one pass over the bundled versions.
     */
    private static Map<String, List<PolicyVersion>> awsManagedVersions(List<Item> page) {
        List<AwsManagedPolicies.Entry> entries = page.stream().map(Item::value)
                .filter(PolicyInfo.class::isInstance).map(PolicyInfo.class::cast)
                .flatMap(info -> AwsManagedPolicies.catalogue().find(info.policy().arn()).stream())
                .toList();
        return AwsManagedPolicyVersions.index().withDocuments(entries);
    }

    private static AuthorizationDetails.PolicyDetail policy(Tx tx, PolicyInfo info,
                                                            Map<String, List<PolicyVersion>> awsVersions) {
        ManagedPolicy p = info.policy();
        List<PolicyVersion> versions = AwsManagedPolicies.isAwsManagedArn(p.arn())
                ? awsVersions.getOrDefault(p.arn(), List.of())
                : tx.managedPolicies().versions(p.arn());
        return new AuthorizationDetails.PolicyDetail(info, versions);
    }

    private static List<AttachedPolicy> attached(Tx tx, String accountId, PolicyOwnerKind kind, String name) {
        return tx.managedPolicies().attached(accountId, kind, name).stream().map(AttachedPolicy::of).toList();
    }

    private static List<PolicyInfo> policies(Tx tx, String accountId, Set<EntityType> types) {
        Map<String, PolicyUsage> usages = tx.managedPolicies().usages(accountId);
        List<PolicyInfo> out = new ArrayList<>();
        if (types.contains(EntityType.LOCAL_MANAGED_POLICY)) {
            tx.managedPolicies().list(accountId).forEach(p ->
                    out.add(new PolicyInfo(p, usages.getOrDefault(p.arn(), PolicyUsage.NONE))));
        }
        if (types.contains(EntityType.AWS_MANAGED_POLICY)) {
            usages.forEach((arn, usage) -> {
                if (AwsManagedPolicies.isAwsManagedArn(arn) && (usage.isAttached() || usage.isUsedAsBoundary())) {
                    AwsManagedPolicies.catalogue().find(arn).ifPresent(e -> out.add(new PolicyInfo(e.policy(), usage)));
                }
            });
        }
        return out;
    }

    /** Every item of a paged store list. */
    private static <T> List<T> all(String accountId, BiFunction<String, PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        for (PageRequest p = PageRequest.of(PageRequest.MAX_MAX_ITEMS); p != null; ) {
            Page<T> page = list.apply(accountId, p);
            out.addAll(page.items());
            p = page.isTruncated() ? p.after(page.nextMarker()) : null;
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
