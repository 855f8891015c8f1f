package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.AccountUsage;
import java.util.Optional;

/** Accounts and their alias (spec §1.1). */
public interface AccountStore {

    /** @throws IamException EntityAlreadyExists if the id or the alias is taken */
    Account create(Account account);

    Optional<Account> find(String accountId);

    default Account get(String accountId) {
        return find(accountId).orElseThrow(() ->
                IamException.noSuchEntity("The account with id " + accountId + " cannot be found."));
    }

    /** The alias is unique across all accounts ("must be unique across all Amazon Web Services products"). */
    Optional<Account> findByAlias(String alias);

    /** The entities the account holds, counted in this transaction's snapshot (GetAccountSummary). */
    AccountUsage usage(String accountId);

    /** Ordered by id; the path prefix is ignored. */
    Page<Account> list(PageRequest page);

    /**
     * Writes the alias of {@code changed} if the row still has {@code changed.version()}.
     *
     * @return the row as written, version increased
     * @throws IamException ConcurrentModification if the row changed since it was read; EntityAlreadyExists if the
     *     alias belongs to another account
     */
    Account update(Account changed);

    /**
     * Removes an empty account. There is no IAM API for this (accounts close through Organizations); it exists for
     * provisioning and tests.
     *
     * @throws IamException NoSuchEntity; DeleteConflict while the account still has users, groups, roles or keys
     */
    void delete(String accountId);
}
