package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The IAM role operations: CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription,
 * UpdateAssumeRolePolicy, DeleteRole, TagRole, UntagRole and ListRoleTags (IAM API Reference, "Actions"; spec §1.5).
 * Each runs in one store transaction.
 *
 * <p>Trust policies are kept as submitted and returned rendered by {@link TrustPolicies}: a user or role the policy
 * names by ARN shows as its unique id once it is gone (spec §10 F62). Service-linked roles refuse customer changes
 * to their trust policy, session duration and existence with UnmodifiableEntity; their description and tags may be
 * changed (IAM User Guide, "Using service-linked roles" › "Editing a service-linked role").
 *
 * <p>Errors, with AWS's words: NoSuchEntity "The role with name X cannot be found."; EntityAlreadyExists "Role
 * with name X already exists."; LimitExceeded "Cannot exceed quota for RolesPerAccount: 1000", "... TagsPerRole:
 * 50", "... ACLSizePerRole: 2048"; MalformedPolicyDocument with the validator's first error; DeleteConflict "Cannot
 * delete entity, must remove roles from instance profile first." and "... must delete policies first.".
 */
public final class RoleService {

    /** "This parameter is optional. If it is not included, it defaults to a slash (/)." (CreateRole › Path) */
    public static final String DEFAULT_PATH = "/";

    private final Store store;
    private final Clock clock;
    private final BoundaryPolicies boundaries;

    public RoleService(Store store, Clock clock) {
        this(store, clock, BoundaryPolicies.ownAccountOrAws());
    }

    public RoleService(Store store, Clock clock, BoundaryPolicies boundaries) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    /**
     * CreateRole. The boundary must be a managed policy the account may attach ({@link BoundaryPolicies}, as for
     * CreateUser); tags may not use the reserved {@code aws:} prefix ({@link TagRules}).
     *
     * @param path null for {@code /}
     * @param maxSessionDuration null for one hour ("If you do not specify a value for this setting, the default
     *     maximum of one hour is applied"); the 3600–43200 range is checked by the protocol layer
     */
    public Role createRole(String accountId, String roleName, String path, String trustPolicy, String description,
            Integer maxSessionDuration, String permissionsBoundaryArn, List<Tag> tags) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        List<Tag> tagList = tags == null ? List.of() : List.copyOf(tags);
        TagRules.requireNoReservedPrefix(tagList);
        RoleRules.requireValidTrustPolicy(trustPolicy);
        if (permissionsBoundaryArn != null) {
            boundaries.requireAttachable(accountId, permissionsBoundaryArn);
        }
        Role role = Role.create(accountId, roleName, path == null ? DEFAULT_PATH : path, Ids.roleId(), now(),
                        trustPolicy, description, tagList)
                .withMaxSessionDuration(maxSessionDuration == null ? Role.DEFAULT_MAX_SESSION_DURATION
                        : maxSessionDuration)
                .withPermissionsBoundary(permissionsBoundaryArn);
        return store.inTransaction(tx -> {
            var bindings = TrustPolicies.bind(tx, trustPolicy);
            Role created = tx.roles().create(role);
            tx.roles().bindTrust(created.id(), bindings);
            return rendered(tx, created);
        });
    }

    /** GetRole: every field, the trust policy rendered with its current principals. */
    public Role getRole(String accountId, String roleName) {
        return store.read(tx -> rendered(tx, tx.roles().get(accountId, roleName)));
    }

    /** ListRoles: roles whose path starts with the prefix, ordered by name, a page at a time. */
    public Page<Role> listRoles(String accountId, PageRequest page) {
        return store.read(tx -> {
            Page<Role> roles = tx.roles().list(accountId, page);
            return new Page<>(TrustPolicies.renderAll(tx, roles.items()), roles.nextMarker());
        });
    }

    /**
     * UpdateRole: the description and/or the maximum session duration; an omitted one is left as it is. The
     * duration of a service-linked role is its service's to set (UnmodifiableEntity); its description is not.
     */
    public Role updateRole(String accountId, String roleName, String description, Integer maxSessionDuration) {
        return store.inTransaction(tx -> {
            Role role = tx.roles().lock(accountId, roleName);
            if (maxSessionDuration != null) {
                RoleRules.requireModifiable(role);
            }
            Role changed = role.withDescription(description == null ? role.description() : description,
                    maxSessionDuration == null ? role.maxSessionDuration() : maxSessionDuration);
            return rendered(tx, tx.roles().update(changed));
        });
    }

    /** UpdateRoleDescription: "Use UpdateRole instead"; answers the role as it now is. Allowed on service-linked roles. */
    public Role updateRoleDescription(String accountId, String roleName, String description) {
        return store.inTransaction(tx -> {
            Role role = tx.roles().lock(accountId, roleName);
            return rendered(tx, tx.roles().update(role.withDescription(description, role.maxSessionDuration())));
        });
    }

    /** UpdateAssumeRolePolicy: a new trust policy, validated like CreateRole's, its principals bound afresh. */
    public void updateAssumeRolePolicy(String accountId, String roleName, String trustPolicy) {
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        store.write(tx -> {
            Role role = tx.roles().lock(accountId, roleName);
            RoleRules.requireModifiable(role);
            RoleRules.requireValidTrustPolicy(trustPolicy);
            var bindings = TrustPolicies.bind(tx, trustPolicy);
            tx.roles().update(role.withTrustPolicy(trustPolicy));
            tx.roles().bindTrust(role.id(), bindings);
        });
    }

    /** DeleteRole: refused for a service-linked role (use DeleteServiceLinkedRole) and while anything holds it. */
    public void deleteRole(String accountId, String roleName) {
        store.write(tx -> {
            RoleRules.requireModifiable(tx.roles().get(accountId, roleName));
            tx.roles().delete(accountId, roleName);
        });
    }

    /** TagRole: adds tags, replacing the value (and key spelling) of a key already there. */
    public void tagRole(String accountId, String roleName, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> tx.tags().tag(accountId, TaggableKind.ROLE, roleName, List.copyOf(tags)));
    }

    /** UntagRole: removes the tags with these keys (in any case); keys the role does not have are ignored. */
    public void untagRole(String accountId, String roleName, List<String> tagKeys) {
        store.write(tx -> tx.tags().untag(accountId, TaggableKind.ROLE, roleName, List.copyOf(tagKeys)));
    }

    /** ListRoleTags: "The returned list of tags is sorted by tag key." */
    public Page<Tag> listRoleTags(String accountId, String roleName, PageRequest page) {
        return store.read(tx -> tx.tags().list(accountId, TaggableKind.ROLE, roleName, page));
    }

    /**
     * Records that the role was assumed, for GetRole's RoleLastUsed ("the date and time ... that the role was last
     * used" and "the name of the Region in which the role was last used").
     */
    public void recordUse(String roleId, Instant when, String region) {
        store.write(tx -> tx.roles().recordUse(roleId, when.truncatedTo(ChronoUnit.SECONDS), region));
    }

    /** The trust policy this role is evaluated with now (see {@link TrustPolicies}). */
    public String effectiveTrustPolicy(Role role) {
        return store.read(tx -> TrustPolicies.render(tx, role));
    }

    static Role rendered(Tx tx, Role role) {
        return role.withTrustPolicy(TrustPolicies.render(tx, role));
    }

    /** IAM reports creation dates to the second. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
