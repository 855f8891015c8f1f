package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.policy.PolicyType;
import io.sigil.policy.PolicyValidator;
import io.sigil.policy.ValidationReport;
import java.util.List;
import java.util.Objects;

/**
 * Inline policies of roles: PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies (IAM API Reference;
 * spec §1.6).
 *
 * <p>A put validates the document as an identity-based inline policy (IAM's first error answered as
 * MalformedPolicyDocument), stores it byte for byte and checks the role's aggregate inline size: "Role policy size
 * cannot exceed 10,240 characters", whitespace not counted (IAM and AWS STS quotas). The check runs after the
 * write, under the lock on the role that the write took, and rolls it back; IAM's answer is LimitExceeded "Maximum
 * policy size of 10240 bytes exceeded for role NAME". Service-linked roles refuse puts and deletes from customers
 * (UnmodifiableEntity: "Inline policies on SLRs can only be put/deleted by the service", spec §1.5).
 */
public final class RolePolicyService {

    /** Aggregate size of a role's inline policies (GetAccountSummary's {@code RolePolicySizeQuota}). */
    public static final int ROLE_POLICY_SIZE = 10240;

    private final Store store;
    private final int quota;

    public RolePolicyService(Store store) {
        this(store, ROLE_POLICY_SIZE);
    }

    public RolePolicyService(Store store, int aggregateQuota) {
        this.store = Objects.requireNonNull(store, "store");
        this.quota = aggregateQuota;
    }

    /** PutRolePolicy: creates or replaces the role's policy of that name (matched case-insensitively). */
    public void put(String accountId, String roleName, String policyName, String document) {
        Objects.requireNonNull(document, "document");
        store.write(tx -> {
            Role role = tx.roles().get(accountId, roleName);
            RoleRules.requireModifiable(role);
            ValidationReport report = PolicyValidator.validateInline(document, PolicyType.IDENTITY);
            if (report.hasErrors()) {
                throw IamException.malformedPolicyDocument(report.firstErrorMessage());
            }
            tx.inlinePolicies().put(new InlinePolicy(accountId, PolicyOwnerKind.ROLE, role.name(), policyName,
                    document));
            int size = aggregateSize(tx.inlinePolicies().all(accountId, PolicyOwnerKind.ROLE, role.name()));
            if (size > quota) {
                throw IamException.limitExceeded("Maximum policy size of " + quota + " bytes exceeded for role "
                        + role.name());
            }
        });
    }

    /**
     * GetRolePolicy.
     *
     * @throws IamException NoSuchEntity "The role with name X cannot be found." or "The role policy with name X
     *     cannot be found."
     */
    public InlinePolicy get(String accountId, String roleName, String policyName) {
        return store.read(tx -> {
            Role role = tx.roles().get(accountId, roleName);
            return tx.inlinePolicies().get(accountId, PolicyOwnerKind.ROLE, role.name(), policyName);
        });
    }

    /** DeleteRolePolicy. */
    public void delete(String accountId, String roleName, String policyName) {
        store.write(tx -> {
            RoleRules.requireModifiable(tx.roles().get(accountId, roleName));
            tx.inlinePolicies().delete(accountId, PolicyOwnerKind.ROLE, roleName, policyName);
        });
    }

    /** ListRolePolicies: the names, ordered case-insensitively; empty when there are none. */
    public Page<String> list(String accountId, String roleName, PageRequest page) {
        return store.read(tx -> tx.inlinePolicies().listNames(accountId, PolicyOwnerKind.ROLE, roleName, page));
    }

    /** The size that counts against the quota: the sum of the documents, whitespace not counted. */
    static int aggregateSize(List<InlinePolicy> policies) {
        return policies.stream().mapToInt(p -> PolicyValidator.nonWhitespaceSize(p.document())).sum();
    }
}
