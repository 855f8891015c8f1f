package io.sigil.store.internal;

import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.PasswordPolicyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The account password policy, one row per account; changes are ACCOUNT events. */
final class JdbcPasswordPolicies implements PasswordPolicyStore {

    private static final String COLS = "minimum_password_length, require_symbols, require_numbers, "
            + "require_uppercase_characters, require_lowercase_characters, allow_users_to_change_password, "
            + "max_password_age, password_reuse_prevention, hard_expiry";

    private final JdbcTx tx;

    JdbcPasswordPolicies(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<PasswordPolicy> find(String accountId) {
        return tx.db.queryOne("SELECT " + COLS + " FROM account_password_policies WHERE account_id = ?",
                JdbcPasswordPolicies::map, accountId);
    }

    /** Locks the account row, so two racing updates apply one after the other. */
    @Override
    public void put(String accountId, PasswordPolicy p) {
        tx.lockAccount(accountId);
        tx.db.update("DELETE FROM account_password_policies WHERE account_id = ?", accountId);
        tx.db.update("INSERT INTO account_password_policies (account_id, " + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)", accountId, p.minimumPasswordLength(), bit(p.requireSymbols()),
                bit(p.requireNumbers()), bit(p.requireUppercaseCharacters()), bit(p.requireLowercaseCharacters()),
                bit(p.allowUsersToChangePassword()), p.maxPasswordAge(), p.passwordReusePrevention(),
                p.hardExpiry() == null ? null : bit(p.hardExpiry()));
        tx.changed(EntityKind.ACCOUNT, accountId, accountId);
    }

    @Override
    public boolean delete(String accountId) {
        int n = tx.db.update("DELETE FROM account_password_policies WHERE account_id = ?", accountId);
        if (n > 0) {
            tx.changed(EntityKind.ACCOUNT, accountId, accountId);
        }
        return n > 0;
    }

    private static Integer bit(boolean b) {
        return b ? 1 : 0;
    }

    private static PasswordPolicy map(ResultSet rs) throws SQLException {
        int hard = rs.getInt("hard_expiry");
        Boolean hardExpiry = rs.wasNull() ? null : hard == 1;
        return new PasswordPolicy(rs.getInt("minimum_password_length"), rs.getInt("require_symbols") == 1,
                rs.getInt("require_numbers") == 1, rs.getInt("require_uppercase_characters") == 1,
                rs.getInt("require_lowercase_characters") == 1, rs.getInt("allow_users_to_change_password") == 1,
                rs.getInt("max_password_age"), rs.getInt("password_reuse_prevention"), hardExpiry);
    }
}
