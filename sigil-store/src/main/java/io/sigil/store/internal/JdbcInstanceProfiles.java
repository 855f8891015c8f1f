package io.sigil.store.internal;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.InstanceProfile;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.InstanceProfileStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instance profiles in instance_profiles, the role each holds in instance_profile_roles, tags in
 * instance_profile_tags (IAM User Guide, "Use instance profiles").
 */
final class JdbcInstanceProfiles implements InstanceProfileStore {

    private static final String COLS =
            "p.id, p.account_id, p.name, p.path, p.create_date, p.version, lower(p.name) AS sort_key";
    private static final String BY_NAME =
            " FROM instance_profiles p WHERE p.account_id = ? AND lower(p.name) = lower(?)";

    private final JdbcTx tx;

    JdbcInstanceProfiles(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public InstanceProfile create(InstanceProfile profile) {
        tx.lockAccount(profile.accountId());
        if (tx.db.count("SELECT count(*)" + BY_NAME, profile.accountId(), profile.name()) > 0) {
            throw alreadyExists(profile.name());
        }
        int quota = tx.limits.instanceProfilesPerAccount();
        if (tx.db.count("SELECT count(*) FROM instance_profiles WHERE account_id = ?", profile.accountId()) >= quota) {
            throw IamException.quotaExceeded("InstanceProfilesPerAccount", quota);
        }
        tx.guarded(() -> tx.db.update("INSERT INTO instance_profiles (id, account_id, name, path, create_date, version)"
                        + " VALUES (?, ?, ?, ?, ?, 0)", profile.id(), profile.accountId(), profile.name(),
                profile.path(), profile.createDate()), () -> alreadyExists(profile.name()), null);
        JdbcTags.insertNew(tx, TaggableKind.INSTANCE_PROFILE, profile.id(), profile.tags());
        tx.changed(EntityKind.INSTANCE_PROFILE, profile.accountId(), profile.id());
        return get(profile.accountId(), profile.name());
    }

    @Override
    public Optional<InstanceProfile> find(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcInstanceProfiles::map, accountId, name)
                .map(p -> complete(List.of(p)).get(0));
    }

    @Override
    public InstanceProfile lock(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcInstanceProfiles::map,
                accountId, name).map(p -> complete(List.of(p)).get(0))
                .orElseThrow(() -> InstanceProfileStore.noSuchInstanceProfile(name));
    }

    @Override
    public Page<InstanceProfile> list(String accountId, PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM instance_profiles p WHERE p.account_id = ?", accountId)
                .add(JdbcTx.pathPrefixSql(page.pathPrefix()), JdbcTx.pathPrefixArgs(page.pathPrefix()))
                .addIf(Markers.after(page), " AND lower(p.name) > ?")
                .add(" ORDER BY lower(p.name) LIMIT ?", Markers.limit(page));
        return pageOf(tx.db.query(q.sql(), JdbcInstanceProfiles::keyed, q.args()), page);
    }

    @Override
    public Page<InstanceProfile> listForRole(String accountId, String roleName, PageRequest page) {
        Role role = tx.roles().get(accountId, roleName);
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM instance_profiles p JOIN instance_profile_roles pr "
                + "ON pr.profile_id = p.id WHERE pr.role_id = ?", role.id())
                .addIf(Markers.after(page), " AND lower(p.name) > ?")
                .add(" ORDER BY lower(p.name) LIMIT ?", Markers.limit(page));
        return pageOf(tx.db.query(q.sql(), JdbcInstanceProfiles::keyed, q.args()), page);
    }

    /** Locks the profile, so two racing adds cannot both see it empty. */
    @Override
    public void addRole(String accountId, String profileName, String roleName) {
        InstanceProfile profile = lock(accountId, profileName);
        Role role = tx.roles().get(accountId, roleName);
        if (profile.roles().size() >= Limits.ROLES_PER_INSTANCE_PROFILE) {
            throw IamException.quotaExceeded("InstanceSessionsPerInstanceProfile", Limits.ROLES_PER_INSTANCE_PROFILE);
        }
        tx.db.update("INSERT INTO instance_profile_roles (profile_id, role_id) VALUES (?, ?)", profile.id(), role.id());
        tx.changed(EntityKind.INSTANCE_PROFILE, accountId, profile.id());
        tx.changed(EntityKind.ROLE, accountId, role.id());
    }

    @Override
    public void removeRole(String accountId, String profileName, String roleName) {
        InstanceProfile profile = lock(accountId, profileName);
        Role role = tx.roles().get(accountId, roleName);
        int n = tx.db.update("DELETE FROM instance_profile_roles WHERE profile_id = ? AND role_id = ?", profile.id(),
                role.id());
        if (n == 0) {
            // AWS's words for a role that exists but is not in the profile (LocalStack's AWS-validated snapshot
            // test_iam_roles::test_role_instance_profile_operations_errors).
            throw IamException.noSuchEntity("Role " + roleName + " in Instance Profile " + profileName
                    + " cannot be found.");
        }
        tx.changed(EntityKind.INSTANCE_PROFILE, accountId, profile.id());
        tx.changed(EntityKind.ROLE, accountId, role.id());
    }

    /** API Reference, "DeleteInstanceProfile": "The instance profile must not have an associated role." */
    @Override
    public void delete(String accountId, String name) {
        InstanceProfile profile = lock(accountId, name);
        if (!profile.roles().isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        tx.db.update("DELETE FROM instance_profiles WHERE id = ?", profile.id());
        tx.changed(EntityKind.INSTANCE_PROFILE, accountId, profile.id());
    }

    private Page<InstanceProfile> pageOf(List<Keyed<InstanceProfile>> rows, PageRequest page) {
        Page<Keyed<InstanceProfile>> keyed = Markers.page(rows, page, Keyed::sortKey);
        return new Page<>(complete(keyed.items().stream().map(Keyed::value).toList()), keyed.nextMarker());
    }

    /**
     * Loads the roles and tags of several profiles, two queries in all. The roles come without their tags, as every
     * answer shows a profile's role (see {@link io.sigil.iam.store.InstanceProfileStore#find}).
     */
    private List<InstanceProfile> complete(List<InstanceProfile> profiles) {
        if (profiles.isEmpty()) {
            return profiles;
        }
        List<String> ids = profiles.stream().map(InstanceProfile::id).toList();
        String marks = Db.placeholders(ids.size());
        record Held(String profileId, Role role) {
        }
        List<Held> held = tx.db.query("SELECT pr.profile_id, " + JdbcRoles.COLS + " FROM instance_profile_roles pr "
                        + "JOIN roles r ON r.id = pr.role_id WHERE pr.profile_id IN (" + marks + ")",
                rs -> new Held(rs.getString("profile_id"), JdbcRoles.map(rs)), ids.toArray());
        Map<String, List<Role>> roles = new LinkedHashMap<>();
        held.forEach(h -> roles.computeIfAbsent(h.profileId(), k -> new ArrayList<>()).add(h.role()));
        var tags = JdbcTags.forOwners(tx, TaggableKind.INSTANCE_PROFILE, ids);
        return profiles.stream().map(p -> p.withRoles(roles.getOrDefault(p.id(), List.of()))
                .withTags(tags.getOrDefault(p.id(), List.of()))).toList();
    }

    private static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("Instance Profile " + name + " already exists.");
    }

    private static Keyed<InstanceProfile> keyed(ResultSet rs) throws SQLException {
        return new Keyed<>(rs.getString("sort_key"), map(rs));
    }

    private static InstanceProfile map(ResultSet rs) throws SQLException {
        return new InstanceProfile(rs.getString("account_id"), rs.getString("name"), rs.getString("path"),
                rs.getString("id"), Db.instant(rs, "create_date"), List.of(), List.of());
    }
}
