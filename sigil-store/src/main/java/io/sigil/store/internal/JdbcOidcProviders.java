package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.OidcProviderStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenID Connect providers. The resource name (URL without scheme) is unique per account as given, bytewise: the URL
 * is case-sensitive (IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM"). Client ids and
 * thumbprints are child rows numbered in the order they were added. No change events: nothing cached for
 * authorization depends on providers (AssumeRoleWithWebIdentity reads the provider afresh on every call).
 */
final class JdbcOidcProviders implements OidcProviderStore {

    private static final String COLS = "p.id, p.account_id, p.url, p.create_date, p.version";
    private static final String BY_NAME = " FROM oidc_providers p WHERE p.account_id = ? AND p.resource_name = ?";

    private final JdbcTx tx;

    JdbcOidcProviders(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public OidcProvider create(OidcProvider p) {
        tx.lockAccount(p.accountId());
        if (find(p.accountId(), p.resourceName()).isPresent()) {
            throw OidcProviderStore.alreadyExists(p.issuerUrl());
        }
        if (tx.db.count("SELECT count(*) FROM oidc_providers WHERE account_id = ?", p.accountId())
                >= PROVIDERS_PER_ACCOUNT) {
            throw IamException.quotaExceeded("OpenIdConnectProvidersPerAccount", PROVIDERS_PER_ACCOUNT);
        }
        tx.guarded(() -> tx.db.update("INSERT INTO oidc_providers (id, account_id, url, resource_name, create_date, "
                        + "version) VALUES (?, ?, ?, ?, ?, 0)", p.id(), p.accountId(), p.issuerUrl(),
                p.resourceName(), p.createDate()), () -> OidcProviderStore.alreadyExists(p.issuerUrl()), null);
        writeLists(p);
        JdbcTags.insertNew(tx, TaggableKind.OIDC_PROVIDER, p.id(), p.tags());
        return get(p.accountId(), p.resourceName());
    }

    @Override
    public Optional<OidcProvider> find(String accountId, String resourceName) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcOidcProviders::map, accountId, resourceName)
                .map(this::complete);
    }

    @Override
    public OidcProvider lock(String accountId, String resourceName) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcOidcProviders::map, accountId,
                resourceName).map(this::complete)
                .orElseThrow(() -> OidcProviderStore.notFound(OidcProvider.arn(accountId, resourceName)));
    }

    @Override
    public List<OidcProvider> list(String accountId) {
        return tx.db.query("SELECT " + COLS + " FROM oidc_providers p WHERE p.account_id = ? ORDER BY p.resource_name",
                JdbcOidcProviders::map, accountId);
    }

    @Override
    public OidcProvider update(OidcProvider changed) {
        int n = tx.db.update("UPDATE oidc_providers SET version = version + 1 WHERE id = ? AND version = ?",
                changed.id(), changed.version());
        if (n == 0) {
            throw JdbcTx.concurrentModification();
        }
        tx.db.update("DELETE FROM oidc_provider_client_ids WHERE provider_id = ?", changed.id());
        tx.db.update("DELETE FROM oidc_provider_thumbprints WHERE provider_id = ?", changed.id());
        writeLists(changed);
        return get(changed.accountId(), changed.resourceName());
    }

    @Override
    public void delete(String accountId, String resourceName) {
        OidcProvider p = lock(accountId, resourceName);
        tx.db.update("DELETE FROM oidc_provider_client_ids WHERE provider_id = ?", p.id());
        tx.db.update("DELETE FROM oidc_provider_thumbprints WHERE provider_id = ?", p.id());
        tx.db.update("DELETE FROM oidc_provider_tags WHERE owner_id = ?", p.id());
        tx.db.update("DELETE FROM oidc_providers WHERE id = ?", p.id());
    }

    private void writeLists(OidcProvider p) {
        for (int i = 0; i < p.clientIds().size(); i++) {
            tx.db.update("INSERT INTO oidc_provider_client_ids (provider_id, position, client_id) VALUES (?, ?, ?)",
                    p.id(), i, p.clientIds().get(i));
        }
        for (int i = 0; i < p.thumbprints().size(); i++) {
            tx.db.update("INSERT INTO oidc_provider_thumbprints (provider_id, position, thumbprint) VALUES (?, ?, ?)",
                    p.id(), i, p.thumbprints().get(i));
        }
    }

    /** The provider with its client ids, thumbprints and tags. */
    private OidcProvider complete(OidcProvider p) {
        List<String> ids = tx.db.query("SELECT client_id FROM oidc_provider_client_ids WHERE provider_id = ? "
                + "ORDER BY position", rs -> rs.getString(1), p.id());
        List<String> prints = tx.db.query("SELECT thumbprint FROM oidc_provider_thumbprints WHERE provider_id = ? "
                + "ORDER BY position", rs -> rs.getString(1), p.id());
        Map<String, List<io.sigil.iam.model.Tag>> tags = JdbcTags.forOwners(tx, TaggableKind.OIDC_PROVIDER,
                List.of(p.id()));
        return p.withClientIds(ids).withThumbprints(prints).withTags(tags.getOrDefault(p.id(), List.of()));
    }

    private static OidcProvider map(ResultSet rs) throws SQLException {
        return new OidcProvider(rs.getString("account_id"), rs.getString("id"), rs.getString("url"), List.of(),
                List.of(), Db.instant(rs, "create_date"), List.of(), rs.getLong("version"));
    }
}
