package io.sigil.store.internal;

import io.sigil.iam.model.JwtSigningKey;
import io.sigil.iam.model.OutboundFederation;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.OutboundFederationStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The outbound federation setting and the issuer's signing keys. Private keys are stored as
 * {@code SecretBox.seal(pkcs8, "jwt-key:<account>:<key id>")}: no private key reaches the database in clear, and a
 * sealed key copied to another row does not open. Setting changes are ACCOUNT events.
 */
final class JdbcOutboundFederation implements OutboundFederationStore {

    private final JdbcTx tx;

    JdbcOutboundFederation(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<OutboundFederation> find(String accountId) {
        return tx.db.queryOne("SELECT account_id, issuer_id, enabled, changed_at FROM outbound_federation "
                + "WHERE account_id = ?", JdbcOutboundFederation::map, accountId);
    }

    @Override
    public Optional<OutboundFederation> findForUpdate(String accountId) {
        tx.lockAccount(accountId);
        return find(accountId);
    }

    @Override
    public Optional<OutboundFederation> findByIssuer(String issuerId) {
        return tx.db.queryOne("SELECT account_id, issuer_id, enabled, changed_at FROM outbound_federation "
                + "WHERE issuer_id = ?", JdbcOutboundFederation::map, issuerId);
    }

    /** Locks the account row, so two racing enables apply one after the other. */
    @Override
    public void put(OutboundFederation s) {
        tx.lockAccount(s.accountId());
        int n = tx.db.update("UPDATE outbound_federation SET enabled = ?, changed_at = ? WHERE account_id = ?",
                s.enabled() ? 1 : 0, s.changedAt(), s.accountId());
        if (n == 0) {
            tx.db.update("INSERT INTO outbound_federation (account_id, issuer_id, enabled, changed_at) "
                    + "VALUES (?, ?, ?, ?)", s.accountId(), s.issuerId(), s.enabled() ? 1 : 0, s.changedAt());
        }
        tx.changed(EntityKind.ACCOUNT, s.accountId(), s.accountId());
    }

    @Override
    public List<JwtSigningKey> signingKeys(String accountId) {
        return tx.db.query("SELECT account_id, algorithm, key_id, public_key, private_key, create_date "
                + "FROM jwt_signing_keys WHERE account_id = ? ORDER BY algorithm", rs -> new JwtSigningKey(
                rs.getString("account_id"), rs.getString("algorithm"), rs.getString("key_id"),
                rs.getBytes("public_key"), tx.openSealed(rs.getBytes("private_key"),
                associatedData(rs.getString("account_id"), rs.getString("key_id"))),
                Db.instant(rs, "create_date")), accountId);
    }

    /** Locks the account row first, so the check and the insert see one order of racing writers. */
    @Override
    public boolean addSigningKey(JwtSigningKey k) {
        tx.lockAccount(k.accountId());
        if (tx.db.count("SELECT count(*) FROM jwt_signing_keys WHERE account_id = ? AND algorithm = ?",
                k.accountId(), k.algorithm()) > 0) {
            return false;
        }
        tx.db.update("INSERT INTO jwt_signing_keys (account_id, algorithm, key_id, public_key, private_key, "
                        + "create_date) VALUES (?, ?, ?, ?, ?, ?)", k.accountId(), k.algorithm(), k.keyId(),
                k.publicKey(), tx.secretBox.seal(k.privateKey(), associatedData(k.accountId(), k.keyId())),
                k.createDate());
        return true;
    }

    private static byte[] associatedData(String accountId, String keyId) {
        return ("jwt-key:" + accountId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static OutboundFederation map(ResultSet rs) throws SQLException {
        return new OutboundFederation(rs.getString("account_id"), rs.getString("issuer_id"),
                rs.getInt("enabled") == 1, Db.instant(rs, "changed_at"));
    }
}
