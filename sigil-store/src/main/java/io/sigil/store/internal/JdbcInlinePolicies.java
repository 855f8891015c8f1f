package io.sigil.store.internal;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.InlinePolicyStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.util.List;
import java.util.Optional;

/** Inline policies in user_policies, group_policies and role_policies, each keyed by owner id and lower(name). */
final class JdbcInlinePolicies implements InlinePolicyStore {

    private final JdbcTx tx;

    JdbcInlinePolicies(JdbcTx tx) {
        this.tx = tx;
    }

    /** Locks the owner, so a put and the caller's aggregate-size check of the owner's policies are atomic. */
    @Override
    public void put(InlinePolicy p) {
        String ownerId = owner(p.accountId(), p.ownerKind(), p.ownerName(), true);
        int n = tx.db.update("UPDATE " + table(p.ownerKind()) + " SET name = ?, document = ? "
                + "WHERE owner_id = ? AND lower(name) = lower(?)", p.name(), p.document(), ownerId, p.name());
        if (n == 0) {
            tx.db.update("INSERT INTO " + table(p.ownerKind()) + " (owner_id, name, document) VALUES (?, ?, ?)",
                    ownerId, p.name(), p.document());
        }
        tx.changed(entityKind(p.ownerKind()), p.accountId(), ownerId);
    }

    @Override
    public Optional<InlinePolicy> find(String accountId, PolicyOwnerKind kind, String ownerName, String policyName) {
        String ownerId = owner(accountId, kind, ownerName, false);
        return tx.db.queryOne("SELECT name, document FROM " + table(kind)
                        + " WHERE owner_id = ? AND lower(name) = lower(?)",
                rs -> new InlinePolicy(accountId, kind, ownerName, rs.getString(1), rs.getString(2)), ownerId,
                policyName);
    }

    @Override
    public Page<String> listNames(String accountId, PolicyOwnerKind kind, String ownerName, PageRequest page) {
        String ownerId = owner(accountId, kind, ownerName, false);
        SqlArgs q = new SqlArgs("SELECT name, lower(name) AS sort_key FROM " + table(kind) + " WHERE owner_id = ?",
                ownerId)
                .addIf(Markers.after(page), " AND lower(name) > ?")
                .add(" ORDER BY lower(name) LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), rs -> new Keyed<>(rs.getString(2), rs.getString(1)), q.args()),
                page, Keyed::sortKey).map(Keyed::value);
    }

    @Override
    public List<InlinePolicy> all(String accountId, PolicyOwnerKind kind, String ownerName) {
        String ownerId = owner(accountId, kind, ownerName, false);
        return tx.db.query("SELECT name, document FROM " + table(kind) + " WHERE owner_id = ? ORDER BY lower(name)",
                rs -> new InlinePolicy(accountId, kind, ownerName, rs.getString(1), rs.getString(2)), ownerId);
    }

    @Override
    public void delete(String accountId, PolicyOwnerKind kind, String ownerName, String policyName) {
        String ownerId = owner(accountId, kind, ownerName, true);
        int n = tx.db.update("DELETE FROM " + table(kind) + " WHERE owner_id = ? AND lower(name) = lower(?)",
                ownerId, policyName);
        if (n == 0) {
            throw InlinePolicyStore.noSuchPolicy(kind, policyName);
        }
        tx.changed(entityKind(kind), accountId, ownerId);
    }

    private String owner(String accountId, PolicyOwnerKind kind, String ownerName, boolean lock) {
        return switch (kind) {
            case USER -> (lock ? tx.users().lock(accountId, ownerName) : tx.users().get(accountId, ownerName)).id();
            case GROUP -> (lock ? ((JdbcGroups) tx.groups()).lock(accountId, ownerName)
                    : tx.groups().get(accountId, ownerName)).id();
            case ROLE -> (lock ? tx.roles().lock(accountId, ownerName) : tx.roles().get(accountId, ownerName)).id();
        };
    }

    private static String table(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> "user_policies";
            case GROUP -> "group_policies";
            case ROLE -> "role_policies";
        };
    }

    private static EntityKind entityKind(PolicyOwnerKind kind) {
        return switch (kind) {
            case USER -> EntityKind.USER;
            case GROUP -> EntityKind.GROUP;
            case ROLE -> EntityKind.ROLE;
        };
    }
}
