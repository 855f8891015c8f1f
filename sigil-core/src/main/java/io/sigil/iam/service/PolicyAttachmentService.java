package io.sigil.iam.service;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.ManagedPolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.ManagedPolicyStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Attach{User,Group,Role}Policy, Detach{User,Group,Role}Policy and ListAttached{User,Group,Role}Policies (IAM API
 * Reference). A managed policy is attachable if it is the account's own or an AWS managed policy; otherwise
 * NoSuchEntity "Policy ARN does not exist or is not attachable." (ValidationError "ARN X is not valid." when the
 * value is no ARN). AWS managed policies for service-linked roles
 * ({@code /aws-service-role/} path) can only be attached to their service's role, never by a customer:
 * PolicyNotAttachable "Cannot attach a Service Role Policy to a Customer Role." (spec §10 H87). Nor can a
 * customer attach to or detach from a service-linked role: UnmodifiableEntity "Cannot perform the operation on the
 * protected role 'AWSServiceRoleForTrustedAdvisor' - this role is only modifiable by AWS" (DetachRolePolicy's answer
 * as quoted in public reports).
 */
public final class PolicyAttachmentService {

    /** The path of AWS managed policies that only service-linked roles may have. */
    public static final String SERVICE_ROLE_POLICY_PATH = "/aws-service-role/";

    private final Store store;

    public PolicyAttachmentService(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * "Attaches the specified managed policy to the specified IAM user/group/role." Attaching it again changes
     * nothing; an eleventh policy is LimitExceeded "Cannot exceed quota for PoliciesPerUser: 10".
     */
    public void attach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn) {
        // A PolicyArn that is no ARN at all (a bare policy name, say) is ValidationError "ARN X is not valid." on
        // AWS, not NoSuchEntity (LocalStack's AWS-validated snapshot test_iam_roles::test_role_managed_policy_errors).
        if (!policyArn.startsWith("arn:") || policyArn.split(":", 6).length < 6) {
            throw IamException.validationError("ARN " + policyArn + " is not valid.");
        }
        store.write(tx -> {
            requireModifiable(tx, accountId, kind, entityName);
            ManagedPolicy policy = PolicyLookup.find(tx, accountId, policyArn).orElseThrow(() ->
                    IamException.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable."));
            if (policy.isAwsManaged() && policy.path().startsWith(SERVICE_ROLE_POLICY_PATH)) {
                throw new IamException(ErrorCode.POLICY_NOT_ATTACHABLE,
                        "Cannot attach a Service Role Policy to a Customer Role.");
            }
            if (!policy.isAwsManaged()) {
                tx.managedPolicies().lock(policy.arn());
            }
            tx.managedPolicies().attach(accountId, kind, entityName, policy.arn());
        });
    }

    /**
     * "Removes the specified managed policy from the specified user/group/role." Not attached: NoSuchEntity. The ARN
     * is matched as attach stored it (a customer policy's name in its own case).
     */
    public void detach(String accountId, PolicyOwnerKind kind, String entityName, String policyArn) {
        store.write(tx -> {
            requireModifiable(tx, accountId, kind, entityName);
            String arn = PolicyLookup.find(tx, accountId, policyArn).map(ManagedPolicy::arn).orElse(policyArn);
            if (!tx.managedPolicies().detach(accountId, kind, entityName, arn)) {
                throw ManagedPolicyStore.noSuchPolicy(policyArn);
            }
        });
    }

    /**
     * ListAttached{User,Group,Role}Policies: "You can use the PathPrefix parameter to limit the list of policies to
     * only those matching the specified path prefix." By policy name.
     */
    public Page<AttachedPolicy> listAttached(String accountId, PolicyOwnerKind kind, String entityName,
            PageRequest page) {
        List<AttachedPolicy> all = store.read(tx -> tx.managedPolicies().attached(accountId, kind, entityName))
                .stream().map(AttachedPolicy::of).filter(a -> a.path().startsWith(page.pathPrefix()))
                .sorted(Comparator.comparing(PolicyAttachmentService::sortKey)).toList();
        return ListPages.page(all, PolicyAttachmentService::sortKey, page);
    }

    /** A service-linked role's policies are its service's to change. */
    private static void requireModifiable(Tx tx, String accountId, PolicyOwnerKind kind, String entityName) {
        if (kind == PolicyOwnerKind.ROLE) {
            tx.roles().find(accountId, entityName).ifPresent(RoleRules::requireModifiable);
        }
    }

    private static String sortKey(AttachedPolicy a) {
        return a.policyName().toLowerCase(Locale.ROOT) + " " + a.policyArn();
    }
}
