package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.SigningCertificate;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.SigningCertificateStore;
import io.sigil.iam.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Signing certificates; the owner is locked (user row, or account row for the root user) so the quota of two holds
 * under racing uploads. "Cannot exceed quota for CertificatesPerUser: 2" is AWS's text (LocalStack's AWS-validated
 * snapshot tests/aws/services/iam/test_iam_signing_certificates.snapshot.json).
 */
final class JdbcSigningCertificates implements SigningCertificateStore {

    private static final String SELECT = "SELECT c.id, c.account_id, c.user_id, u.name AS user_name, c.body, c.status, "
            + "c.upload_date FROM signing_certificates c LEFT JOIN users u ON u.id = c.user_id";

    private final JdbcTx tx;

    JdbcSigningCertificates(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public SigningCertificate create(SigningCertificate cert, String sha256) {
        long existing;
        if (cert.userId() == null) {
            tx.lockAccount(cert.accountId());
            existing = tx.db.count("SELECT count(*) FROM signing_certificates WHERE account_id = ? AND user_id IS NULL",
                    cert.accountId());
        } else {
            tx.db.queryOne("SELECT id FROM users WHERE id = ? AND account_id = ?" + tx.dialect.forUpdate(),
                    rs -> rs.getString(1), cert.userId(), cert.accountId())
                    .orElseThrow(() -> UserStore.noSuchUser(cert.userName()));
            existing = tx.db.count("SELECT count(*) FROM signing_certificates WHERE user_id = ?", cert.userId());
        }
        if (tx.db.count("SELECT count(*) FROM signing_certificates WHERE account_id = ? AND sha256 = ?",
                cert.accountId(), sha256) > 0) {
            throw duplicate();
        }
        if (existing >= Limits.SIGNING_CERTIFICATES_PER_USER) {
            throw IamException.quotaExceeded("CertificatesPerUser", Limits.SIGNING_CERTIFICATES_PER_USER);
        }
        tx.guarded(() -> tx.db.update("INSERT INTO signing_certificates (id, account_id, user_id, body, sha256, status, "
                        + "upload_date) VALUES (?, ?, ?, ?, ?, ?, ?)", cert.id(), cert.accountId(), cert.userId(),
                cert.body(), sha256, cert.status().wire(), cert.uploadDate()), JdbcSigningCertificates::duplicate,
                null);
        return find(cert.accountId(), cert.id()).orElseThrow();
    }

    @Override
    public Optional<SigningCertificate> find(String accountId, String certificateId) {
        return tx.db.queryOne(SELECT + " WHERE c.id = ? AND c.account_id = ?", JdbcSigningCertificates::map,
                certificateId, accountId);
    }

    @Override
    public Page<SigningCertificate> list(String accountId, String userId, PageRequest page) {
        SqlArgs q = new SqlArgs(SELECT + " WHERE c.account_id = ?", accountId);
        if (userId == null) {
            q.add(" AND c.user_id IS NULL");
        } else {
            q.add(" AND c.user_id = ?", userId);
        }
        q.addIf(Markers.after(page), " AND c.id > ?").add(" ORDER BY c.id LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), JdbcSigningCertificates::map, q.args()), page, SigningCertificate::id);
    }

    @Override
    public SigningCertificate updateStatus(String accountId, String certificateId, AccessKeyStatus status) {
        if (tx.db.update("UPDATE signing_certificates SET status = ? WHERE id = ? AND account_id = ?", status.wire(),
                certificateId, accountId) == 0) {
            throw SigningCertificateStore.noSuchCertificate(certificateId);
        }
        return find(accountId, certificateId).orElseThrow();
    }

    @Override
    public void delete(String accountId, String certificateId) {
        if (tx.db.update("DELETE FROM signing_certificates WHERE id = ? AND account_id = ?", certificateId,
                accountId) == 0) {
            throw SigningCertificateStore.noSuchCertificate(certificateId);
        }
    }

    /** The model's words for DuplicateCertificate; AWS's message text is not published. */
    private static IamException duplicate() {
        return new IamException(ErrorCode.DUPLICATE_CERTIFICATE,
                "The same certificate is already associated with an IAM user in the account.");
    }

    private static SigningCertificate map(ResultSet rs) throws SQLException {
        return new SigningCertificate(rs.getString("account_id"), rs.getString("id"), rs.getString("user_id"),
                rs.getString("user_name"), rs.getString("body"), AccessKeyStatus.fromWire(rs.getString("status")),
                Db.instant(rs, "upload_date"));
    }
}
