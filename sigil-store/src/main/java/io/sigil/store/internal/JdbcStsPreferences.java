package io.sigil.store.internal;

import io.sigil.iam.model.GlobalEndpointTokenVersion;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.StsPreferencesStore;
import java.util.Optional;

/** The account's STS preferences, one row per account (migration V10); changes are ACCOUNT events. */
final class JdbcStsPreferences implements StsPreferencesStore {

    private final JdbcTx tx;

    JdbcStsPreferences(JdbcTx tx) {
        this.tx = tx;
    }

    /** A stored number no version has (a newer Sigil's) reads as absent rather than failing the account. */
    @Override
    public Optional<GlobalEndpointTokenVersion> globalEndpointTokenVersion(String accountId) {
        return tx.db.queryOne("SELECT global_endpoint_token_version FROM account_sts_preferences WHERE account_id = ?",
                rs -> rs.getInt(1), accountId).flatMap(GlobalEndpointTokenVersion::fromNumber);
    }

    /** Locks the account row, so two racing updates apply one after the other and the last one stays. */
    @Override
    public void setGlobalEndpointTokenVersion(String accountId, GlobalEndpointTokenVersion version) {
        tx.lockAccount(accountId);
        tx.db.update("DELETE FROM account_sts_preferences WHERE account_id = ?", accountId);
        tx.db.update("INSERT INTO account_sts_preferences (account_id, global_endpoint_token_version) VALUES (?, ?)",
                accountId, version.number());
        tx.changed(EntityKind.ACCOUNT, accountId, accountId);
    }
}
