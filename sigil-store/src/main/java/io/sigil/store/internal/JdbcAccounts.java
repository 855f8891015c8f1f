package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.AccountUsage;
import io.sigil.iam.store.AccountStore;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

final class JdbcAccounts implements AccountStore {

    private static final String COLS = "id, alias, create_date, version";

    private final JdbcTx tx;

    JdbcAccounts(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Account create(Account account) {
        if (account.alias() != null) {
            requireAliasFree(account.alias(), account.id());
        }
        tx.guarded(() -> tx.db.update("INSERT INTO accounts (id, alias, create_date, version) VALUES (?, ?, ?, 0)",
                account.id(), account.alias(), account.createDate()),
                () -> IamException.entityAlreadyExists("The account with id " + account.id() + " already exists."),
                null);
        tx.changed(EntityKind.ACCOUNT, account.id(), account.id());
        return new Account(account.id(), account.alias(), account.createDate(), 0);
    }

    @Override
    public Optional<Account> find(String accountId) {
        return tx.db.queryOne("SELECT " + COLS + " FROM accounts WHERE id = ?", JdbcAccounts::map, accountId);
    }

    @Override
    public Optional<Account> findByAlias(String alias) {
        return tx.db.queryOne("SELECT " + COLS + " FROM accounts WHERE alias = ?", JdbcAccounts::map, alias);
    }

    @Override
    public AccountUsage usage(String accountId) {
        return new AccountUsage(
                count("SELECT count(*) FROM users WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM iam_groups WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM roles WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM managed_policies WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM user_attached_policies a JOIN users u ON u.id = a.owner_id "
                        + "WHERE u.account_id = ?", accountId)
                        + count("SELECT count(*) FROM group_attached_policies a JOIN iam_groups g ON g.id = a.owner_id "
                        + "WHERE g.account_id = ?", accountId)
                        + count("SELECT count(*) FROM role_attached_policies a JOIN roles r ON r.id = a.owner_id "
                        + "WHERE r.account_id = ?", accountId),
                count("SELECT count(*) FROM server_certificates WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM instance_profiles WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM virtual_mfa_devices WHERE account_id = ?", accountId),
                count("SELECT count(*) FROM virtual_mfa_devices WHERE account_id = ? AND user_id IS NOT NULL",
                        accountId),
                count("SELECT count(*) FROM access_keys WHERE account_id = ? AND user_id IS NULL", accountId),
                count("SELECT count(*) FROM signing_certificates WHERE account_id = ? AND user_id IS NULL",
                        accountId),
                count("SELECT count(*) FROM saml_providers WHERE account_id = ?", accountId)
                        + count("SELECT count(*) FROM oidc_providers WHERE account_id = ?", accountId));
    }

    private int count(String sql, String accountId) {
        return (int) tx.db.count(sql, accountId);
    }

    @Override
    public Page<Account> list(PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM accounts WHERE 1 = 1")
                .addIf(Markers.after(page), " AND id > ?")
                .add(" ORDER BY id LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), JdbcAccounts::map, q.args()), page, Account::id);
    }

    @Override
    public Account update(Account changed) {
        if (changed.alias() != null) {
            requireAliasFree(changed.alias(), changed.id());
        }
        int n = tx.guarded(() -> tx.db.update(
                "UPDATE accounts SET alias = ?, version = version + 1 WHERE id = ? AND version = ?",
                changed.alias(), changed.id(), changed.version()), () -> aliasTaken(changed.alias()), null);
        if (n == 0) {
            throw find(changed.id()).isPresent() ? JdbcTx.concurrentModification()
                    : IamException.noSuchEntity("The account with id " + changed.id() + " cannot be found.");
        }
        tx.changed(EntityKind.ACCOUNT, changed.id(), changed.id());
        return get(changed.id());
    }

    @Override
    public void delete(String accountId) {
        tx.lockAccount(accountId);
        for (String table : new String[] {"users", "iam_groups", "roles", "access_keys", "managed_policies",
                "instance_profiles"}) {
            if (tx.db.count("SELECT count(*) FROM " + table + " WHERE account_id = ?", accountId) > 0) {
                throw IamException.deleteConflict("Cannot delete entity, the account still has entities.");
            }
        }
        tx.db.update("DELETE FROM slr_deletion_tasks WHERE account_id = ?", accountId);
        tx.db.update("DELETE FROM accounts WHERE id = ?", accountId);
        tx.changed(EntityKind.ACCOUNT, accountId, accountId);
    }

    private void requireAliasFree(String alias, String accountId) {
        findByAlias(alias).filter(a -> !a.id().equals(accountId)).ifPresent(a -> {
            throw aliasTaken(alias);
        });
    }

    private static IamException aliasTaken(String alias) {
        return IamException.entityAlreadyExists("The account alias " + alias + " already exists.");
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("alias"), Db.instant(rs, "create_date"),
                rs.getLong("version"));
    }
}
