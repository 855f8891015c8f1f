package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.TrustBinding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM roles (spec §1.5). Names match case-insensitively; roles cannot be renamed. */
public interface RoleStore {

    /**
     * Inserts {@code role} with its tags. A service-linked role ({@link Role#isServiceLinked()}) does not count
     * against {@code RolesPerAccount}: "Only service-linked roles can exceed the limit" (spec §1.5).
     *
     * @throws IamException EntityAlreadyExists, LimitExceeded ({@code RolesPerAccount}, {@code TagsPerRole})
     */
    Role create(Role role);

    Optional<Role> find(String accountId, String name);

    default Role get(String accountId, String name) {
        return find(accountId, name).orElseThrow(() -> noSuchRole(name));
    }

    Optional<Role> findById(String roleId);

    Role lock(String accountId, String name);

    /**
     * Ordered by name (case-insensitive); only paths starting with {@code page.pathPrefix()}. The roles come without
     * their tags (an empty list), as ListRoles answers them ("This operation does not return the following
     * attributes, even though they are an attribute of the returned object: PermissionsBoundary, RoleLastUsed,
     * Tags", IAM API Reference, ListRoles); {@link #get} has them.
     */
    Page<Role> list(String accountId, PageRequest page);

    /** Writes trust policy, description, max session duration and boundary if the version still matches. */
    Role update(Role changed);

    /**
     * Records a use of the role for GetRole's {@code RoleLastUsed}: a later use replaces an earlier one, an
     * earlier one is ignored. Does not change the row's version. Unknown ids are ignored.
     */
    void recordUse(String roleId, Instant when, String region);

    /** The principals the role's trust policy was bound to when it was last saved, by ARN. */
    List<TrustBinding> trustBindings(String roleId);

    /**
     * {@link #trustBindings(String)} of several roles in one read (a ListRoles page renders up to 1,000 trust
     * policies); a role without bindings has no entry.
     */
    Map<String, List<TrustBinding>> trustBindings(List<String> roleIds);

    /** Replaces the role's trust bindings (CreateRole, UpdateAssumeRolePolicy). */
    void bindTrust(String roleId, List<TrustBinding> bindings);

    /**
     * DeleteRole as the API does it (API Reference, "DeleteRole": remove the role from instance profiles, delete
     * inline policies, detach managed policies first).
     *
     * @throws IamException NoSuchEntity; DeleteConflict while it is in an instance profile or has inline policies
     */
    void delete(String accountId, String name);

    static IamException noSuchRole(String name) {
        return IamException.noSuchEntity("The role with name " + name + " cannot be found.");
    }
}
