package io.sigil.store.internal;

import io.sigil.iam.store.AccountPropertyStore;
import io.sigil.iam.store.EntityKind;
import java.util.Map;
import java.util.TreeMap;

/** Account properties, one row per account and key; changes are ACCOUNT events. */
final class JdbcAccountProperties implements AccountPropertyStore {

    private final JdbcTx tx;

    JdbcAccountProperties(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, String> all(String accountId) {
        Map<String, String> out = new TreeMap<>();
        tx.db.query("SELECT property_key, value FROM account_properties WHERE account_id = ?", rs -> {
            out.put(rs.getString(1), rs.getString(2));
            return null;
        }, accountId);
        return out;
    }

    /** Locks the account row, so racing writes apply one after the other. */
    @Override
    public void put(String accountId, Map<String, String> properties) {
        tx.lockAccount(accountId);
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            tx.db.update("DELETE FROM account_properties WHERE account_id = ? AND property_key = ?", accountId,
                    e.getKey());
            tx.db.update("INSERT INTO account_properties (account_id, property_key, value) VALUES (?, ?, ?)",
                    accountId, e.getKey(), e.getValue());
        }
        tx.changed(EntityKind.ACCOUNT, accountId, accountId);
    }
}
