package io.sigil.iam.service;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.util.Objects;

/**
 * Inline policies of roles: PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies (IAM API Reference;
 * spec §1.6). Validation, storage and the role's aggregate quota ("Role policy size cannot exceed 10,240
 * characters", whitespace not counted; LimitExceeded "Maximum policy size of 10240 bytes exceeded for role NAME")
 * are {@link InlinePolicyService}'s, shared with users and groups. What is particular to roles: a service-linked
 * role refuses puts and deletes from customers with UnmodifiableEntity ("Inline policies on SLRs can only be
 * put/deleted by the service", spec §1.5; PutRolePolicy and DeleteRolePolicy list UnmodifiableEntity).
 */
public final class RolePolicyService {

    private final Store store;
    private final InlinePolicyService inline;

    public RolePolicyService(Store store, InlinePolicyService inline) {
        this.store = Objects.requireNonNull(store, "store");
        this.inline = Objects.requireNonNull(inline, "inline");
    }

    /** PutRolePolicy: creates or replaces the role's policy of that name (matched case-insensitively). */
    public void put(String accountId, String roleName, String policyName, String document) {
        requireModifiable(accountId, roleName);
        inline.put(accountId, PolicyOwnerKind.ROLE, roleName, policyName, document);
    }

    /** GetRolePolicy: NoSuchEntity "The role policy with name X cannot be found." for an unknown policy. */
    public InlinePolicy get(String accountId, String roleName, String policyName) {
        return inline.get(accountId, PolicyOwnerKind.ROLE, roleName, policyName);
    }

    /** DeleteRolePolicy. */
    public void delete(String accountId, String roleName, String policyName) {
        requireModifiable(accountId, roleName);
        inline.delete(accountId, PolicyOwnerKind.ROLE, roleName, policyName);
    }

    /** ListRolePolicies: the names, ordered case-insensitively; empty when there are none. */
    public Page<String> list(String accountId, String roleName, PageRequest page) {
        return inline.list(accountId, PolicyOwnerKind.ROLE, roleName, page);
    }

    /** NoSuchEntity for an unknown role; UnmodifiableEntity for a service-linked one. */
    private void requireModifiable(String accountId, String roleName) {
        store.read(tx -> {
            RoleRules.requireModifiable(tx.roles().get(accountId, roleName));
            return null;
        });
    }
}
