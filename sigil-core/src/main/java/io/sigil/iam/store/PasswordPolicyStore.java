package io.sigil.iam.store;

import io.sigil.iam.model.PasswordPolicy;
import java.util.Optional;

/** The account password policy (spec §5.1): none, or one per account. */
public interface PasswordPolicyStore {

    Optional<PasswordPolicy> find(String accountId);

    /** Creates or replaces the account's policy. */
    void put(String accountId, PasswordPolicy policy);

    /** @return whether there was a policy to delete */
    boolean delete(String accountId);
}
