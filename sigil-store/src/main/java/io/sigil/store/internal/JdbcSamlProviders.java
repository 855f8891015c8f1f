package io.sigil.store.internal;

import io.sigil.iam.Arns;
import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBoxException;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.SamlPrivateKey;
import io.sigil.iam.model.SamlProvider;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.SamlProviderStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SAML providers. A private key is kept as {@code SecretBox.seal(pem, "saml-provider-key:<account>:<uuid>:<keyId>")}
 * in saml_provider_keys, so it never reaches the database in clear and a sealed value moved to another row does not
 * open. Names are unique per account case-insensitively. "Cannot exceed quota for SAMLProvidersPerAccount: 100"
 * follows the quota text of the other entities. No change events: nothing cached for authorization depends on them
 * (AssumeRoleWithSAML reads the provider afresh on every call).
 */
final class JdbcSamlProviders implements SamlProviderStore {

    private static final String COLS = "p.id, p.account_id, p.name, p.metadata, p.create_date, p.valid_until, "
            + "p.encryption_mode, p.version";
    private static final String BY_NAME = " FROM saml_providers p WHERE p.account_id = ? AND lower(p.name) = lower(?)";

    private final JdbcTx tx;

    JdbcSamlProviders(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public SamlProvider create(SamlProvider p, List<NewKey> keys) {
        tx.lockAccount(p.accountId());
        if (find(p.accountId(), p.name()).isPresent()) {
            throw SamlProviderStore.alreadyExists(p.name());
        }
        if (tx.db.count("SELECT count(*) FROM saml_providers WHERE account_id = ?", p.accountId())
                >= Limits.SAML_PROVIDERS_PER_ACCOUNT) {
            throw IamException.quotaExceeded("SAMLProvidersPerAccount", Limits.SAML_PROVIDERS_PER_ACCOUNT);
        }
        tx.guarded(() -> tx.db.update("INSERT INTO saml_providers (id, account_id, name, metadata, create_date, "
                        + "valid_until, encryption_mode, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", p.uuid(),
                p.accountId(), p.name(), p.metadataDocument(), p.createDate(), p.validUntil(),
                p.assertionEncryptionMode()), () -> SamlProviderStore.alreadyExists(p.name()), null);
        keys.forEach(k -> insertKey(p, k));
        JdbcTags.insertNew(tx, TaggableKind.SAML_PROVIDER, p.uuid(), p.tags());
        return find(p.accountId(), p.name()).orElseThrow();
    }

    @Override
    public Optional<SamlProvider> find(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcSamlProviders::map, accountId, name)
                .map(this::complete);
    }

    @Override
    public SamlProvider lock(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcSamlProviders::map,
                accountId, name).map(this::complete)
                .orElseThrow(() -> SamlProviderStore.noSuchProvider(Arns.samlProvider(accountId, name)));
    }

    @Override
    public List<SamlProvider> list(String accountId) {
        return tx.db.query("SELECT " + COLS + " FROM saml_providers p WHERE p.account_id = ? ORDER BY lower(p.name)",
                JdbcSamlProviders::map, accountId);
    }

    @Override
    public SamlProvider update(SamlProvider p, List<NewKey> added, List<String> removedKeyIds) {
        int n = tx.db.update("UPDATE saml_providers SET metadata = ?, valid_until = ?, encryption_mode = ?, "
                        + "version = version + 1 WHERE id = ? AND version = ?", p.metadataDocument(), p.validUntil(),
                p.assertionEncryptionMode(), p.uuid(), p.version());
        if (n == 0) {
            throw JdbcTx.concurrentModification();
        }
        for (String keyId : removedKeyIds) {
            tx.db.update("DELETE FROM saml_provider_keys WHERE provider_id = ? AND id = ?", p.uuid(), keyId);
        }
        added.forEach(k -> insertKey(p, k));
        return find(p.accountId(), p.name()).orElseThrow();
    }

    @Override
    public void delete(String accountId, String name) {
        SamlProvider p = lock(accountId, name);
        tx.db.update("DELETE FROM saml_provider_tags WHERE owner_id = ?", p.uuid());
        tx.db.update("DELETE FROM saml_provider_keys WHERE provider_id = ?", p.uuid());
        tx.db.update("DELETE FROM saml_providers WHERE id = ?", p.uuid());
    }

    @Override
    public List<String> openPrivateKeys(String accountId, String name) {
        SamlProvider p = find(accountId, name)
                .orElseThrow(() -> SamlProviderStore.noSuchProvider(Arns.samlProvider(accountId, name)));
        record Sealed(String keyId, byte[] value) {
        }
        List<Sealed> rows = tx.db.query("SELECT id, private_key FROM saml_provider_keys WHERE provider_id = ? "
                + "ORDER BY upload_date, id", rs -> new Sealed(rs.getString(1), rs.getBytes(2)), p.uuid());
        List<String> out = new ArrayList<>();
        for (Sealed s : rows) {
            try {
                out.add(new String(tx.secretBox.open(s.value(), associatedData(accountId, p.uuid(), s.keyId())),
                        StandardCharsets.UTF_8));
            } catch (SecretBoxException e) {
                throw IamException.serviceFailure(e); // wrong master key or a tampered row: our fault
            }
        }
        return out;
    }

    static byte[] associatedData(String accountId, String providerId, String keyId) {
        return ("saml-provider-key:" + accountId + ":" + providerId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private void insertKey(SamlProvider p, NewKey k) {
        byte[] sealed = tx.secretBox.seal(k.pem().getBytes(StandardCharsets.UTF_8),
                associatedData(p.accountId(), p.uuid(), k.key().keyId()));
        tx.db.update("INSERT INTO saml_provider_keys (provider_id, id, private_key, upload_date) "
                + "VALUES (?, ?, ?, ?)", p.uuid(), k.key().keyId(), sealed, k.key().timestamp());
    }

    private SamlProvider complete(SamlProvider p) {
        List<SamlPrivateKey> keys = tx.db.query("SELECT id, upload_date FROM saml_provider_keys "
                        + "WHERE provider_id = ? ORDER BY upload_date, id",
                rs -> new SamlPrivateKey(rs.getString("id"), Db.instant(rs, "upload_date")), p.uuid());
        return p.withKeysAndTags(keys, JdbcTags.forOwners(tx, TaggableKind.SAML_PROVIDER, List.of(p.uuid()))
                .getOrDefault(p.uuid(), List.of()));
    }

    private static SamlProvider map(ResultSet rs) throws SQLException {
        return new SamlProvider(rs.getString("account_id"), rs.getString("name"), rs.getString("id"),
                rs.getString("metadata"), Db.instant(rs, "create_date"), Db.instant(rs, "valid_until"),
                rs.getString("encryption_mode"), List.of(), List.of(), rs.getLong("version"));
    }
}
