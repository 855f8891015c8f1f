package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import java.util.Optional;

/** IAM roles (spec §1.5). Names match case-insensitively; roles cannot be renamed. */
public interface RoleStore {

    /** @throws IamException EntityAlreadyExists, LimitExceeded ({@code RolesPerAccount}, {@code TagsPerRole}) */
    Role create(Role role);

    Optional<Role> find(String accountId, String name);

    default Role get(String accountId, String name) {
        return find(accountId, name).orElseThrow(() -> noSuchRole(name));
    }

    Optional<Role> findById(String roleId);

    Role lock(String accountId, String name);

    Page<Role> list(String accountId, PageRequest page);

    /** Writes trust policy, description, max session duration and boundary if the version still matches. */
    Role update(Role changed);

    /** @throws IamException NoSuchEntity; DeleteConflict while it has inline policies */
    void delete(String accountId, String name);

    static IamException noSuchRole(String name) {
        return IamException.noSuchEntity("The role with name " + name + " cannot be found.");
    }
}
