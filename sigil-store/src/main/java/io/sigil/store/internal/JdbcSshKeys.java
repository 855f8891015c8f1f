package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.SshKey;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.SshKeyStore;
import io.sigil.iam.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SSH public keys. No change events: nothing cached for authorization depends on them. The quota text is ours, in
 * the form of AWS's other quota messages ("Cannot exceed quota for CertificatesPerUser: 2"); AWS does not publish the
 * SSH key one.
 */
final class JdbcSshKeys implements SshKeyStore {

    private static final String SELECT = "SELECT k.id, k.account_id, k.user_id, u.name AS user_name, k.body, "
            + "k.fingerprint, k.status, k.upload_date FROM ssh_public_keys k JOIN users u ON u.id = k.user_id";

    private final JdbcTx tx;

    JdbcSshKeys(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public SshKey create(SshKey key) {
        tx.db.queryOne("SELECT id FROM users WHERE id = ? AND account_id = ?" + tx.dialect.forUpdate(),
                rs -> rs.getString(1), key.userId(), key.accountId())
                .orElseThrow(() -> UserStore.noSuchUser(key.userName()));
        if (tx.db.count("SELECT count(*) FROM ssh_public_keys WHERE user_id = ? AND fingerprint = ?", key.userId(),
                key.fingerprint()) > 0) {
            throw duplicate();
        }
        if (tx.db.count("SELECT count(*) FROM ssh_public_keys WHERE user_id = ?", key.userId())
                >= Limits.SSH_PUBLIC_KEYS_PER_USER) {
            throw IamException.quotaExceeded("SSHPublicKeysPerUser", Limits.SSH_PUBLIC_KEYS_PER_USER);
        }
        tx.guarded(() -> tx.db.update("INSERT INTO ssh_public_keys (id, account_id, user_id, body, fingerprint, status, "
                        + "upload_date) VALUES (?, ?, ?, ?, ?, ?, ?)", key.id(), key.accountId(), key.userId(),
                key.body(), key.fingerprint(), key.status().wire(), key.uploadDate()), JdbcSshKeys::duplicate, null);
        return find(key.accountId(), key.id()).orElseThrow();
    }

    @Override
    public Optional<SshKey> find(String accountId, String keyId) {
        return tx.db.queryOne(SELECT + " WHERE k.id = ? AND k.account_id = ?", JdbcSshKeys::map, keyId, accountId);
    }

    @Override
    public Page<SshKey> list(String accountId, String userId, PageRequest page) {
        SqlArgs q = new SqlArgs(SELECT + " WHERE k.account_id = ? AND k.user_id = ?", accountId, userId)
                .addIf(Markers.after(page), " AND k.id > ?")
                .add(" ORDER BY k.id LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), JdbcSshKeys::map, q.args()), page, SshKey::id);
    }

    @Override
    public SshKey updateStatus(String accountId, String keyId, AccessKeyStatus status) {
        if (tx.db.update("UPDATE ssh_public_keys SET status = ? WHERE id = ? AND account_id = ?", status.wire(), keyId,
                accountId) == 0) {
            throw SshKeyStore.noSuchKey(keyId);
        }
        return find(accountId, keyId).orElseThrow();
    }

    @Override
    public void delete(String accountId, String keyId) {
        if (tx.db.update("DELETE FROM ssh_public_keys WHERE id = ? AND account_id = ?", keyId, accountId) == 0) {
            throw SshKeyStore.noSuchKey(keyId);
        }
    }

    /** The model's words for DuplicateSSHPublicKey; AWS's message text is not published. */
    private static IamException duplicate() {
        return new IamException(ErrorCode.DUPLICATE_SSH_PUBLIC_KEY,
                "The SSH public key is already associated with the specified IAM user.");
    }

    private static SshKey map(ResultSet rs) throws SQLException {
        return new SshKey(rs.getString("account_id"), rs.getString("id"), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("body"), rs.getString("fingerprint"),
                AccessKeyStatus.fromWire(rs.getString("status")), Db.instant(rs, "upload_date"));
    }
}
