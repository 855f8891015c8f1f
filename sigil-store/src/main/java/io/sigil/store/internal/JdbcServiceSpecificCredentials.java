package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.ServiceSpecificCredential;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.ServiceSpecificCredentialStore;
import io.sigil.iam.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Service-specific credentials; secrets only as PBKDF2 hashes (secret_hash), never selected with the credential. The
 * owner's row is locked so two per user and service holds under racing creates. The quota text is ours, in the
 * form of AWS's other quota messages.
 */
final class JdbcServiceSpecificCredentials implements ServiceSpecificCredentialStore {

    private static final String SELECT = "SELECT c.id, c.account_id, c.user_id, u.name AS user_name, c.service_name, "
            + "c.service_user_name, c.credential_alias, c.status, c.create_date, c.expiration_date "
            + "FROM service_specific_credentials c JOIN users u ON u.id = c.user_id";

    private final JdbcTx tx;

    JdbcServiceSpecificCredentials(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public ServiceSpecificCredential create(ServiceSpecificCredential c, String secretHash) {
        tx.db.queryOne("SELECT id FROM users WHERE id = ? AND account_id = ?" + tx.dialect.forUpdate(),
                rs -> rs.getString(1), c.userId(), c.accountId())
                .orElseThrow(() -> UserStore.noSuchUser(c.userName()));
        if (tx.db.count("SELECT count(*) FROM service_specific_credentials WHERE user_id = ? AND service_name = ?",
                c.userId(), c.serviceName()) >= Limits.SERVICE_SPECIFIC_CREDENTIALS_PER_USER_PER_SERVICE) {
            throw IamException.quotaExceeded("ServiceSpecificCredentialsPerUserPerService",
                    Limits.SERVICE_SPECIFIC_CREDENTIALS_PER_USER_PER_SERVICE);
        }
        tx.db.update("INSERT INTO service_specific_credentials (id, account_id, user_id, service_name, "
                        + "service_user_name, credential_alias, secret_hash, status, create_date, expiration_date) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.accountId(), c.userId(), c.serviceName(),
                c.serviceUserName(), c.serviceCredentialAlias(), secretHash, c.status().wire(), c.createDate(),
                c.expirationDate());
        return find(c.accountId(), c.id()).orElseThrow();
    }

    @Override
    public Optional<ServiceSpecificCredential> find(String accountId, String credentialId) {
        return tx.db.queryOne(SELECT + " WHERE c.id = ? AND c.account_id = ?", JdbcServiceSpecificCredentials::map,
                credentialId, accountId);
    }

    @Override
    public Page<ServiceSpecificCredential> list(String accountId, String userId, String serviceName,
            PageRequest page) {
        SqlArgs q = new SqlArgs(SELECT + " WHERE c.account_id = ?", accountId)
                .addIf(userId, " AND c.user_id = ?")
                .addIf(serviceName, " AND c.service_name = ?")
                .addIf(Markers.after(page), " AND c.id > ?")
                .add(" ORDER BY c.id LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), JdbcServiceSpecificCredentials::map, q.args()), page,
                ServiceSpecificCredential::id);
    }

    @Override
    public ServiceSpecificCredential updateStatus(String accountId, String credentialId, AccessKeyStatus status) {
        requireChanged(tx.db.update("UPDATE service_specific_credentials SET status = ? WHERE id = ? AND account_id = ?",
                status.wire(), credentialId, accountId), credentialId);
        return find(accountId, credentialId).orElseThrow();
    }

    @Override
    public ServiceSpecificCredential resetSecret(String accountId, String credentialId, String secretHash) {
        requireChanged(tx.db.update("UPDATE service_specific_credentials SET secret_hash = ? WHERE id = ? "
                + "AND account_id = ?", secretHash, credentialId, accountId), credentialId);
        return find(accountId, credentialId).orElseThrow();
    }

    @Override
    public Optional<String> secretHash(String accountId, String credentialId) {
        return tx.db.queryOne("SELECT secret_hash FROM service_specific_credentials WHERE id = ? AND account_id = ?",
                rs -> rs.getString(1), credentialId, accountId);
    }

    @Override
    public void delete(String accountId, String credentialId) {
        requireChanged(tx.db.update("DELETE FROM service_specific_credentials WHERE id = ? AND account_id = ?",
                credentialId, accountId), credentialId);
    }

    private static void requireChanged(int rows, String credentialId) {
        if (rows == 0) {
            throw ServiceSpecificCredentialStore.noSuchCredential(credentialId);
        }
    }

    private static ServiceSpecificCredential map(ResultSet rs) throws SQLException {
        return new ServiceSpecificCredential(rs.getString("account_id"), rs.getString("id"), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("service_name"), rs.getString("service_user_name"),
                rs.getString("credential_alias"), AccessKeyStatus.fromWire(rs.getString("status")),
                Db.instant(rs, "create_date"), Db.instant(rs, "expiration_date"));
    }
}
