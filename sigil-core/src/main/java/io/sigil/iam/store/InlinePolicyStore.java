package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import java.util.List;
import java.util.Optional;

/**
 * Inline policies of users, groups and roles (spec §1.6). Policy names are unique per owner; they are matched
 * case-insensitively like other IAM names, and a put under a known name replaces document and spelling.
 * Aggregate size quotas (user 2,048 / group 5,120 / role 10,240 non-whitespace characters) are checked by the
 * caller after locking the owner.
 */
public interface InlinePolicyStore {

    /** Put{User,Group,Role}Policy: creates or replaces. @throws IamException NoSuchEntity for an unknown owner */
    void put(InlinePolicy policy);

    Optional<InlinePolicy> find(String accountId, PolicyOwnerKind kind, String ownerName, String policyName);

    default InlinePolicy get(String accountId, PolicyOwnerKind kind, String ownerName, String policyName) {
        return find(accountId, kind, ownerName, policyName).orElseThrow(() -> noSuchPolicy(kind, policyName));
    }

    /** List{User,Group,Role}Policies: names ordered case-insensitively. */
    Page<String> listNames(String accountId, PolicyOwnerKind kind, String ownerName, PageRequest page);

    /** Every inline policy of one owner, for authorization and size checks. */
    List<InlinePolicy> all(String accountId, PolicyOwnerKind kind, String ownerName);

    /** @throws IamException NoSuchEntity for an unknown owner or policy */
    void delete(String accountId, PolicyOwnerKind kind, String ownerName, String policyName);

    static IamException noSuchPolicy(PolicyOwnerKind kind, String policyName) {
        return IamException.noSuchEntity("The " + kind.noun() + " policy with name " + policyName
                + " cannot be found.");
    }
}
