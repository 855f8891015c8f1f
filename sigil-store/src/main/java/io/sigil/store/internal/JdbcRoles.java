package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.TrustBinding;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.RoleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcRoles implements RoleStore {

    static final String COLS = "r.id, r.account_id, r.name, r.path, r.create_date, "
            + "r.assume_role_policy_document, r.description, r.max_session_duration, r.permissions_boundary_arn, "
            + "r.version, r.linked_service, r.last_used_date, r.last_used_region, lower(r.name) AS sort_key";
    private static final String BY_NAME = " FROM roles r WHERE r.account_id = ? AND lower(r.name) = lower(?)";

    private final JdbcTx tx;

    JdbcRoles(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Role create(Role role) {
        tx.lockAccount(role.accountId());
        if (find(role.accountId(), role.name()).isPresent()) {
            throw alreadyExists(role.name());
        }
        if (!role.isServiceLinked() && tx.db.count("SELECT count(*) FROM roles WHERE account_id = ? "
                + "AND linked_service IS NULL", role.accountId()) >= tx.limits.rolesPerAccount()) {
            throw IamException.quotaExceeded("RolesPerAccount", tx.limits.rolesPerAccount());
        }
        tx.guarded(() -> tx.db.update("INSERT INTO roles (id, account_id, name, path, create_date, "
                        + "assume_role_policy_document, description, max_session_duration, permissions_boundary_arn,"
                        + " version, linked_service) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                role.id(), role.accountId(), role.name(), role.path(), role.createDate(),
                role.assumeRolePolicyDocument(), role.description(), role.maxSessionDuration(),
                role.permissionsBoundaryArn(), role.linkedService()), () -> alreadyExists(role.name()), null);
        JdbcTags.insertNew(tx, TaggableKind.ROLE, role.id(), role.tags());
        tx.changed(EntityKind.ROLE, role.accountId(), role.id());
        return findById(role.id()).orElseThrow();
    }

    @Override
    public Optional<Role> find(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcRoles::map, accountId, name).map(this::withTags);
    }

    @Override
    public Optional<Role> findById(String roleId) {
        return tx.db.queryOne("SELECT " + COLS + " FROM roles r WHERE r.id = ?", JdbcRoles::map, roleId)
                .map(this::withTags);
    }

    @Override
    public Role lock(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcRoles::map, accountId, name)
                .map(this::withTags).orElseThrow(() -> RoleStore.noSuchRole(name));
    }

    @Override
    public Page<Role> list(String accountId, PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM roles r WHERE r.account_id = ?", accountId)
                .add(JdbcTx.pathPrefixSql(page.pathPrefix()), JdbcTx.pathPrefixArgs(page.pathPrefix()))
                .addIf(Markers.after(page), " AND lower(r.name) > ?")
                .add(" ORDER BY lower(r.name) LIMIT ?", Markers.limit(page));
        return pageOf(tx.db.query(q.sql(), rs -> new Keyed<>(rs.getString("sort_key"), map(rs)), q.args()),
                page);
    }

    /** Pages keyed rows; the roles come without their tags (see {@link io.sigil.iam.store.RoleStore#list}). */
    static Page<Role> pageOf(List<Keyed<Role>> rows, PageRequest page) {
        return Markers.page(rows, page, Keyed::sortKey).map(Keyed::value);
    }

    @Override
    public Role update(Role changed) {
        int n = tx.db.update("UPDATE roles SET assume_role_policy_document = ?, description = ?, "
                        + "max_session_duration = ?, permissions_boundary_arn = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?",
                changed.assumeRolePolicyDocument(), changed.description(), changed.maxSessionDuration(),
                changed.permissionsBoundaryArn(), changed.id(), changed.version());
        if (n == 0) {
            throw findById(changed.id()).isPresent() ? JdbcTx.concurrentModification()
                    : RoleStore.noSuchRole(changed.name());
        }
        tx.changed(EntityKind.ROLE, changed.accountId(), changed.id());
        return findById(changed.id()).orElseThrow();
    }

    @Override
    public void recordUse(String roleId, Instant when, String region) {
        tx.db.update("UPDATE roles SET last_used_date = ?, last_used_region = ? WHERE id = ? "
                + "AND (last_used_date IS NULL OR last_used_date < ?)", when, region, roleId, when);
    }

    @Override
    public List<TrustBinding> trustBindings(String roleId) {
        return tx.db.query("SELECT arn, principal_id FROM role_trust_principals WHERE role_id = ? ORDER BY arn",
                rs -> new TrustBinding(rs.getString(1), rs.getString(2)), roleId);
    }

    @Override
    public Map<String, List<TrustBinding>> trustBindings(List<String> roleIds) {
        if (roleIds.isEmpty()) {
            return Map.of();
        }
        String marks = Db.placeholders(roleIds.size());
        record Row(String roleId, TrustBinding binding) {
        }
        List<Row> rows = tx.db.query("SELECT role_id, arn, principal_id FROM role_trust_principals WHERE role_id IN ("
                        + marks + ") ORDER BY role_id, arn",
                rs -> new Row(rs.getString(1), new TrustBinding(rs.getString(2), rs.getString(3))), roleIds.toArray());
        Map<String, List<TrustBinding>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.roleId(), k -> new ArrayList<>()).add(r.binding()));
        return out;
    }

    @Override
    public void bindTrust(String roleId, List<TrustBinding> bindings) {
        tx.db.update("DELETE FROM role_trust_principals WHERE role_id = ?", roleId);
        for (TrustBinding b : bindings) {
            tx.db.update("INSERT INTO role_trust_principals (role_id, arn, principal_id) VALUES (?, ?, ?)", roleId,
                    b.arn(), b.principalId());
        }
    }

    /**
     * API Reference, "DeleteRole": "Remove the role from instance profiles", "Delete inline policies", "Detach
     * managed policies", in that order; each still there answers DeleteConflict in AWS's words.
     */
    @Override
    public void delete(String accountId, String name) {
        Role role = lock(accountId, name);
        if (tx.db.count("SELECT count(*) FROM instance_profile_roles WHERE role_id = ?", role.id()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        if (tx.db.count("SELECT count(*) FROM role_policies WHERE owner_id = ?", role.id()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (tx.db.count("SELECT count(*) FROM role_attached_policies WHERE owner_id = ?", role.id()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        tx.db.update("DELETE FROM role_trust_principals WHERE role_id = ?", role.id());
        tx.guarded(() -> tx.db.update("DELETE FROM roles WHERE id = ?", role.id()), null,
                () -> IamException.deleteConflict("Cannot delete entity, it still has attached entities."));
        tx.changed(EntityKind.ROLE, accountId, role.id());
    }

    private Role withTags(Role r) {
        return r.withTags(JdbcTags.forOwners(tx, TaggableKind.ROLE, List.of(r.id())).getOrDefault(r.id(), List.of()));
    }

    private static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("Role with name " + name + " already exists.");
    }

    static Role map(ResultSet rs) throws SQLException {
        return new Role(rs.getString("account_id"), rs.getString("name"), rs.getString("path"), rs.getString("id"),
                Db.instant(rs, "create_date"), rs.getString("assume_role_policy_document"),
                rs.getString("description"), rs.getInt("max_session_duration"),
                rs.getString("permissions_boundary_arn"), List.of(), rs.getLong("version"),
                rs.getString("linked_service"), Db.instant(rs, "last_used_date"), rs.getString("last_used_region"));
    }
}
