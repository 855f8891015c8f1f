package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.LoginProfileStore;
import io.sigil.iam.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Login profiles and password history. Changes are reported as USER events of the owner (a login profile is a
 * sub-resource of its user); failure counts and last-use dates change no decision and publish nothing.
 */
final class JdbcLoginProfiles implements LoginProfileStore {

    private static final String SELECT = "SELECT p.user_id, u.account_id, u.name AS user_name, p.password_hash, "
            + "p.create_date, p.password_set_date, p.password_reset_required, p.failed_attempts, p.locked_until, "
            + "p.version FROM login_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = ?";

    private final JdbcTx tx;

    JdbcLoginProfiles(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public LoginProfile create(LoginProfile p) {
        String name = tx.db.queryOne("SELECT name FROM users WHERE id = ?" + tx.dialect.forUpdate(),
                rs -> rs.getString(1), p.userId()).orElseThrow(() -> UserStore.noSuchUser(p.userName()));
        tx.guarded(() -> tx.db.update("INSERT INTO login_profiles (user_id, password_hash, create_date, "
                        + "password_set_date, password_reset_required, failed_attempts, locked_until, version) "
                        + "VALUES (?, ?, ?, ?, ?, 0, NULL, 0)", p.userId(), p.passwordHash(), p.createDate(),
                p.passwordSetDate(), bit(p.passwordResetRequired())),
                () -> IamException.entityAlreadyExists("Login Profile for user " + name + " already exists."),
                () -> UserStore.noSuchUser(name));
        tx.changed(EntityKind.USER, p.accountId(), p.userId());
        return find(p.userId()).orElseThrow();
    }

    @Override
    public Optional<LoginProfile> find(String userId) {
        return tx.db.queryOne(SELECT, JdbcLoginProfiles::map, userId);
    }

    @Override
    public Optional<LoginProfile> lock(String userId) {
        return tx.db.queryOne(SELECT + tx.dialect.forUpdate(), JdbcLoginProfiles::map, userId);
    }

    @Override
    public LoginProfile update(LoginProfile p) {
        int n = tx.db.update("UPDATE login_profiles SET password_hash = ?, password_set_date = ?, "
                        + "password_reset_required = ?, failed_attempts = ?, locked_until = ?, version = version + 1 "
                        + "WHERE user_id = ? AND version = ?", p.passwordHash(), p.passwordSetDate(),
                bit(p.passwordResetRequired()), p.failedAttempts(), p.lockedUntil(), p.userId(), p.version());
        if (n == 0) {
            throw find(p.userId()).isPresent() ? JdbcTx.concurrentModification()
                    : LoginProfileStore.noSuchLoginProfile(p.userName());
        }
        tx.changed(EntityKind.USER, p.accountId(), p.userId());
        return find(p.userId()).orElseThrow();
    }

    @Override
    public boolean delete(String userId) {
        Optional<String> account = tx.db.queryOne("SELECT account_id FROM users WHERE id = ?", rs -> rs.getString(1),
                userId);
        int n = tx.db.update("DELETE FROM login_profiles WHERE user_id = ?", userId);
        if (n > 0) {
            tx.changed(EntityKind.USER, account.orElse(""), userId);
        }
        return n > 0;
    }

    @Override
    public void recordFailure(String userId, int failedAttempts, Instant lockedUntil) {
        tx.db.update("UPDATE login_profiles SET failed_attempts = ?, locked_until = ? WHERE user_id = ?",
                failedAttempts, lockedUntil, userId);
    }

    @Override
    public void recordSuccess(String userId, Instant when) {
        tx.db.update("UPDATE login_profiles SET failed_attempts = 0, locked_until = NULL WHERE user_id = ?", userId);
        tx.db.update("UPDATE users SET password_last_used = ? WHERE id = ?", when, userId);
        // the user's PasswordLastUsed changed: caches of users drop what they hold (the account is not at hand)
        tx.changed(EntityKind.USER, null, userId);
    }

    @Override
    public List<String> history(String userId, int limit) {
        return tx.db.query("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY seq DESC LIMIT ?",
                rs -> rs.getString(1), userId, limit);
    }

    @Override
    public void remember(String userId, String passwordHash, Instant setDate) {
        long next = tx.db.count("SELECT COALESCE(MAX(seq), 0) FROM password_history WHERE user_id = ?", userId) + 1;
        tx.db.update("INSERT INTO password_history (user_id, seq, password_hash, set_date) VALUES (?, ?, ?, ?)",
                userId, next, passwordHash, setDate);
        tx.db.update("DELETE FROM password_history WHERE user_id = ? AND seq <= ?", userId, next - HISTORY_SIZE);
    }

    private static Integer bit(boolean b) {
        return b ? 1 : 0;
    }

    private static LoginProfile map(ResultSet rs) throws SQLException {
        return new LoginProfile(rs.getString("account_id"), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("password_hash"), Db.instant(rs, "create_date"), Db.instant(rs, "password_set_date"),
                rs.getInt("password_reset_required") == 1, rs.getInt("failed_attempts"),
                Db.instant(rs, "locked_until"), rs.getLong("version"));
    }
}
