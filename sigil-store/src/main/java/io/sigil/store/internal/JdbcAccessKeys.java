package io.sigil.store.internal;

import io.sigil.iam.crypto.SecretBoxException;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyLastUsed;
import io.sigil.iam.model.AccessKeySecret;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.store.AccessKeyStore;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.UserStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Access keys; the secret column holds {@code SecretBox.seal(secret, "access-key:<account>:<key id>")}, so the
 * clear secret never reaches the database and a sealed value moved to another row does not open.
 */
final class JdbcAccessKeys implements AccessKeyStore {

    private static final String SELECT = "SELECT k.id, k.account_id, k.user_id, u.name AS user_name, k.status, "
            + "k.create_date, k.last_used_date, k.last_used_service, k.last_used_region, k.secret "
            + "FROM access_keys k LEFT JOIN users u ON u.id = k.user_id";

    private final JdbcTx tx;

    JdbcAccessKeys(JdbcTx tx) {
        this.tx = tx;
    }

    /** Locks the owner (user row, or account row for root keys) so AccessKeysPerUser holds under races. */
    @Override
    public AccessKey create(AccessKey key, String secretAccessKey) {
        long existing;
        if (key.userId() == null) {
            tx.lockAccount(key.accountId());
            existing = tx.db.count("SELECT count(*) FROM access_keys WHERE account_id = ? AND user_id IS NULL",
                    key.accountId());
        } else {
            tx.db.queryOne("SELECT id FROM users WHERE id = ? AND account_id = ?" + tx.dialect.forUpdate(),
                    rs -> rs.getString(1), key.userId(), key.accountId())
                    .orElseThrow(() -> UserStore.noSuchUser(key.userName() == null ? key.userId() : key.userName()));
            existing = tx.db.count("SELECT count(*) FROM access_keys WHERE user_id = ?", key.userId());
        }
        if (existing >= tx.limits.accessKeysPerUser()) {
            throw IamException.quotaExceeded("AccessKeysPerUser", tx.limits.accessKeysPerUser());
        }
        byte[] sealed = tx.secretBox.seal(secretAccessKey.getBytes(StandardCharsets.UTF_8),
                associatedData(key.accountId(), key.id()));
        tx.guarded(() -> tx.db.update("INSERT INTO access_keys (id, account_id, user_id, status, create_date, secret)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", key.id(), key.accountId(), key.userId(), key.status().wire(),
                key.createDate(), sealed),
                () -> IamException.entityAlreadyExists("Access key " + key.id() + " already exists."), null);
        tx.changed(EntityKind.ACCESS_KEY, key.accountId(), key.id());
        return get(key.id());
    }

    @Override
    public Optional<AccessKey> find(String accessKeyId) {
        return tx.db.queryOne(SELECT + " WHERE k.id = ?", JdbcAccessKeys::map, accessKeyId);
    }

    @Override
    public Optional<AccessKeySecret> findWithSecret(String accessKeyId) {
        return tx.db.queryOne(SELECT + " WHERE k.id = ?", rs -> {
            AccessKey key = map(rs);
            byte[] clear;
            try {
                clear = tx.secretBox.open(rs.getBytes("secret"), associatedData(key.accountId(), key.id()));
            } catch (SecretBoxException e) {
                throw IamException.serviceFailure(e); // wrong master key or a tampered row: our fault, not the caller's
            }
            return new AccessKeySecret(key, new String(clear, StandardCharsets.UTF_8));
        }, accessKeyId);
    }

    @Override
    public Page<AccessKey> list(String accountId, String userName, PageRequest page) {
        SqlArgs q = new SqlArgs(SELECT + " WHERE k.account_id = ?", accountId);
        if (userName == null) {
            q.add(" AND k.user_id IS NULL");
        } else {
            q.add(" AND k.user_id = ?", tx.users().get(accountId, userName).id());
        }
        q.addIf(Markers.after(page), " AND k.id > ?").add(" ORDER BY k.id LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), JdbcAccessKeys::map, q.args()), page, AccessKey::id);
    }

    @Override
    public AccessKey updateStatus(String accountId, String accessKeyId, AccessKeyStatus status) {
        int n = tx.db.update("UPDATE access_keys SET status = ? WHERE id = ? AND account_id = ?", status.wire(),
                accessKeyId, accountId);
        if (n == 0) {
            throw AccessKeyStore.noSuchKey(accessKeyId);
        }
        tx.changed(EntityKind.ACCESS_KEY, accountId, accessKeyId);
        return get(accessKeyId);
    }

    /** Last-used data changes no authorization decision, so it publishes no change event. */
    @Override
    public void recordUse(String accessKeyId, AccessKeyLastUsed lastUsed) {
        tx.db.update("UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ? "
                + "WHERE id = ?", lastUsed.date(), lastUsed.serviceName(), lastUsed.region(), accessKeyId);
    }

    @Override
    public void delete(String accountId, String accessKeyId) {
        int n = tx.db.update("DELETE FROM access_keys WHERE id = ? AND account_id = ?", accessKeyId, accountId);
        if (n == 0) {
            throw AccessKeyStore.noSuchKey(accessKeyId);
        }
        tx.changed(EntityKind.ACCESS_KEY, accountId, accessKeyId);
    }

    static byte[] associatedData(String accountId, String accessKeyId) {
        return ("access-key:" + accountId + ":" + accessKeyId).getBytes(StandardCharsets.UTF_8);
    }

    private static AccessKey map(ResultSet rs) throws SQLException {
        Instant used = Db.instant(rs, "last_used_date");
        AccessKeyLastUsed lastUsed = used == null ? null
                : new AccessKeyLastUsed(used, rs.getString("last_used_service"), rs.getString("last_used_region"));
        return new AccessKey(rs.getString("account_id"), rs.getString("id"), rs.getString("user_id"),
                rs.getString("user_name"), AccessKeyStatus.fromWire(rs.getString("status")),
                Db.instant(rs, "create_date"), lastUsed);
    }
}
