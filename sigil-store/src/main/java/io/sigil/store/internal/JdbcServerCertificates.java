package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBoxException;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.ServerCertificate;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.ServerCertificateStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Server certificates. The private_key column holds {@code SecretBox.seal(pem, "server-certificate-key:<account>:<id>")},
 * so the key never reaches the database in clear and a sealed value moved to another row does not open. Names are
 * unique per account case-insensitively. "Cannot exceed quota for ServerCertificatesPerAccount: 20" is AWS's text, as
 * its users quote it. No change events: nothing cached for authorization depends on server certificates.
 */
final class JdbcServerCertificates implements ServerCertificateStore {

    private static final String COLS = "c.id, c.account_id, c.name, c.path, c.body, c.chain, c.upload_date, "
            + "c.expiration, c.version, lower(c.name) AS sort_key";
    private static final String BY_NAME = " FROM server_certificates c WHERE c.account_id = ? AND lower(c.name) = lower(?)";

    private final JdbcTx tx;

    JdbcServerCertificates(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public ServerCertificate create(ServerCertificate cert, String privateKeyPem) {
        tx.lockAccount(cert.accountId());
        if (find(cert.accountId(), cert.name()).isPresent()) {
            throw ServerCertificateStore.alreadyExists(cert.name());
        }
        if (tx.db.count("SELECT count(*) FROM server_certificates WHERE account_id = ?", cert.accountId())
                >= Limits.SERVER_CERTIFICATES_PER_ACCOUNT) {
            throw IamException.quotaExceeded("ServerCertificatesPerAccount", Limits.SERVER_CERTIFICATES_PER_ACCOUNT);
        }
        byte[] sealed = tx.secretBox.seal(privateKeyPem.getBytes(StandardCharsets.UTF_8),
                associatedData(cert.accountId(), cert.id()));
        tx.guarded(() -> tx.db.update("INSERT INTO server_certificates (id, account_id, name, path, body, chain, "
                        + "private_key, upload_date, expiration, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                cert.id(), cert.accountId(), cert.name(), cert.path(), cert.body(), cert.chain(), sealed,
                cert.uploadDate(), cert.expiration()), () -> ServerCertificateStore.alreadyExists(cert.name()), null);
        JdbcTags.insertNew(tx, TaggableKind.SERVER_CERTIFICATE, cert.id(), cert.tags());
        return get(cert.accountId(), cert.name());
    }

    @Override
    public Optional<ServerCertificate> find(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcServerCertificates::map, accountId, name)
                .map(this::withTags);
    }

    @Override
    public ServerCertificate lock(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcServerCertificates::map,
                accountId, name).map(this::withTags).orElseThrow(() -> ServerCertificateStore.noSuchCertificate(name));
    }

    @Override
    public Page<ServerCertificate> list(String accountId, PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM server_certificates c WHERE c.account_id = ?", accountId)
                .add(JdbcTx.pathPrefixSql(page.pathPrefix()), JdbcTx.pathPrefixArgs(page.pathPrefix()))
                .addIf(Markers.after(page), " AND lower(c.name) > ?")
                .add(" ORDER BY lower(c.name) LIMIT ?", Markers.limit(page));
        List<Keyed<ServerCertificate>> rows = tx.db.query(q.sql(),
                rs -> new Keyed<>(rs.getString("sort_key"), map(rs)), q.args());
        return Markers.page(rows, page, Keyed::sortKey).map(Keyed::value);
    }

    @Override
    public ServerCertificate update(ServerCertificate renamed) {
        find(renamed.accountId(), renamed.name()).filter(other -> !other.id().equals(renamed.id()))
                .ifPresent(other -> {
                    throw ServerCertificateStore.alreadyExists(renamed.name());
                });
        int n = tx.guarded(() -> tx.db.update("UPDATE server_certificates SET name = ?, path = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?", renamed.name(), renamed.path(), renamed.id(),
                renamed.version()), () -> ServerCertificateStore.alreadyExists(renamed.name()), null);
        if (n == 0) {
            throw JdbcTx.concurrentModification();
        }
        return get(renamed.accountId(), renamed.name());
    }

    @Override
    public void delete(String accountId, String name) {
        ServerCertificate cert = lock(accountId, name);
        tx.db.update("DELETE FROM server_certificate_tags WHERE owner_id = ?", cert.id());
        tx.db.update("DELETE FROM server_certificates WHERE id = ?", cert.id());
    }

    @Override
    public String openPrivateKey(String accountId, String name) {
        ServerCertificate cert = get(accountId, name);
        byte[] sealed = tx.db.queryOne("SELECT private_key FROM server_certificates WHERE id = ?", rs -> rs.getBytes(1),
                cert.id()).orElseThrow(() -> ServerCertificateStore.noSuchCertificate(name));
        try {
            return new String(tx.secretBox.open(sealed, associatedData(accountId, cert.id())), StandardCharsets.UTF_8);
        } catch (SecretBoxException e) {
            throw IamException.serviceFailure(e); // wrong master key or a tampered row: our fault, not the caller's
        }
    }

    static byte[] associatedData(String accountId, String certificateId) {
        return ("server-certificate-key:" + accountId + ":" + certificateId).getBytes(StandardCharsets.UTF_8);
    }

    private ServerCertificate withTags(ServerCertificate c) {
        return c.withTags(JdbcTags.forOwners(tx, TaggableKind.SERVER_CERTIFICATE, List.of(c.id()))
                .getOrDefault(c.id(), List.of()));
    }

    private static ServerCertificate map(ResultSet rs) throws SQLException {
        return new ServerCertificate(rs.getString("account_id"), rs.getString("name"), rs.getString("path"),
                rs.getString("id"), rs.getString("body"), rs.getString("chain"), Db.instant(rs, "upload_date"),
                Db.instant(rs, "expiration"), List.of(), rs.getLong("version"));
    }
}
