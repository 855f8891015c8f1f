package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.store.Store;
import java.util.Objects;

/**
 * UpdateAccountPasswordPolicy, GetAccountPasswordPolicy and DeleteAccountPasswordPolicy (IAM API Reference; spec
 * §5.1). Ranges (MinimumPasswordLength 6–128, MaxPasswordAge 1–1,095, PasswordReusePrevention 1–24) are checked
 * by the protocol layer before this runs, as AWS's ValidationError.
 *
 * <p>NoSuchEntity texts are AWS's, which differ between the two operations: GetAccountPasswordPolicy "The Password
 * Policy with domain name 123456789012 cannot be found." and DeleteAccountPasswordPolicy "The account policy with
 * name PasswordPolicy cannot be found." (recorded from AWS in LocalStack's validated snapshot tests,
 * test_iam_account_password_policy.snapshot.json, 2026-02).
 */
public final class PasswordPolicyService {

    private final Store store;

    public PasswordPolicyService(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** "This operation does not support partial updates": {@code policy} replaces the one there, whole. */
    public void update(String accountId, PasswordPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        store.write(tx -> tx.passwordPolicies().put(accountId, policy));
    }

    public PasswordPolicy get(String accountId) {
        return store.read(tx -> tx.passwordPolicies().find(accountId)).orElseThrow(() -> IamException.noSuchEntity(
                "The Password Policy with domain name " + accountId + " cannot be found."));
    }

    public void delete(String accountId) {
        boolean deleted = store.inTransaction(tx -> tx.passwordPolicies().delete(accountId));
        if (!deleted) {
            throw IamException.noSuchEntity("The account policy with name PasswordPolicy cannot be found.");
        }
    }
}
