package io.sigil.iam.service;

import io.sigil.iam.PolicyArn;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.util.Objects;

/**
 * Permissions boundaries of users and roles: Put/Delete{User,Role}PermissionsBoundary (IAM API Reference; IAM User
 * Guide, "Permissions boundaries for IAM entities": "You can use an AWS managed policy or a customer managed policy
 * to set the boundary for an IAM entity"). The boundary must be a managed policy that exists and that the account
 * can attach; a policy in use as a boundary counts in GetPolicy's PermissionsBoundaryUsageCount and cannot be
 * deleted.
 */
public final class BoundaryService implements BoundaryPolicies {

    private final Store store;

    public BoundaryService(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** PutUserPermissionsBoundary: "Adds or updates the policy that is specified as the IAM user's permissions
     * boundary." */
    public void putUserPermissionsBoundary(String accountId, String userName, String policyArn) {
        store.write(tx -> {
            User user = tx.users().lock(accountId, userName);
            requireAttachable(tx, accountId, policyArn);
            tx.users().update(user.withPermissionsBoundary(policyArn));
        });
    }

    /** DeleteUserPermissionsBoundary; a user without one is left as it is. */
    public void deleteUserPermissionsBoundary(String accountId, String userName) {
        store.write(tx -> {
            User user = tx.users().lock(accountId, userName);
            if (user.permissionsBoundaryArn() != null) {
                tx.users().update(user.withPermissionsBoundary(null));
            }
        });
    }

    /**
     * PutRolePermissionsBoundary. A service-linked role takes none: "you cannot set a permissions boundary on a
     * service-linked role" (spec §1.5), UnmodifiableEntity.
     */
    public void putRolePermissionsBoundary(String accountId, String roleName, String policyArn) {
        store.write(tx -> {
            Role role = tx.roles().lock(accountId, roleName);
            RoleRules.requireModifiable(role);
            requireAttachable(tx, accountId, policyArn);
            tx.roles().update(role.withPermissionsBoundary(policyArn));
        });
    }

    /** DeleteRolePermissionsBoundary; a role without one is left as it is. */
    public void deleteRolePermissionsBoundary(String accountId, String roleName) {
        store.write(tx -> {
            Role role = tx.roles().lock(accountId, roleName);
            RoleRules.requireModifiable(role);
            if (role.permissionsBoundaryArn() != null) {
                tx.roles().update(role.withPermissionsBoundary(null));
            }
        });
    }

    /** Whether {@code policyArn} names a managed policy the account can use as a boundary (CreateUser's check). */
    @Override
    public boolean isAttachable(String accountId, String policyArn) {
        return store.read(tx -> PolicyLookup.find(tx, accountId, policyArn).isPresent());
    }

    /**
     * The check IAM makes on a boundary (also at CreateUser and CreateRole).
     *
     * @throws IamException InvalidInput "ARN X is not valid." for what is not a managed policy ARN; NoSuchEntity
     *     "Scope ARN: X does not exist or is not attachable." for a policy the account cannot use (IAM's words,
     *     quoted in hashicorp/boundary#4255)
     */
    public static void requireAttachable(Tx tx, String accountId, String policyArn) {
        if (PolicyArn.parse(policyArn).isEmpty()) {
            throw IamException.invalidInput("ARN " + policyArn + " is not valid.");
        }
        if (PolicyLookup.find(tx, accountId, policyArn).isEmpty()) {
            throw IamException.noSuchEntity("Scope ARN: " + policyArn + " does not exist or is not attachable.");
        }
    }
}
