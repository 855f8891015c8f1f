package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

final class JdbcUsers implements UserStore {

    static final String COLS =
            "u.id, u.account_id, u.name, u.path, u.create_date, u.permissions_boundary_arn, u.password_last_used, "
                    + "u.version, lower(u.name) AS sort_key";
    private static final String BY_NAME = " FROM users u WHERE u.account_id = ? AND lower(u.name) = lower(?)";

    private final JdbcTx tx;

    JdbcUsers(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public User create(User user) {
        tx.lockAccount(user.accountId());
        if (find(user.accountId(), user.name()).isPresent()) {
            throw alreadyExists(user.name());
        }
        long count = tx.db.count("SELECT count(*) FROM users WHERE account_id = ?", user.accountId());
        if (count >= tx.limits.usersPerAccount()) {
            throw IamException.quotaExceeded("UsersPerAccount", tx.limits.usersPerAccount());
        }
        tx.guarded(() -> tx.db.update("INSERT INTO users (id, account_id, name, path, create_date, "
                        + "permissions_boundary_arn, password_last_used, version) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                user.id(), user.accountId(), user.name(), user.path(), user.createDate(),
                user.permissionsBoundaryArn(), user.passwordLastUsed()), () -> alreadyExists(user.name()), null);
        JdbcTags.insertNew(tx, TaggableKind.USER, user.id(), user.tags());
        tx.changed(EntityKind.USER, user.accountId(), user.id());
        return findById(user.id()).orElseThrow();
    }

    @Override
    public Optional<User> find(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcUsers::map, accountId, name).map(this::withTags);
    }

    @Override
    public Optional<User> findById(String userId) {
        return tx.db.queryOne("SELECT " + COLS + " FROM users u WHERE u.id = ?", JdbcUsers::map, userId)
                .map(this::withTags);
    }

    @Override
    public User lock(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcUsers::map, accountId, name)
                .map(this::withTags).orElseThrow(() -> UserStore.noSuchUser(name));
    }

    @Override
    public Page<User> list(String accountId, PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM users u WHERE u.account_id = ?", accountId)
                .add(JdbcTx.pathPrefixSql(page.pathPrefix()), JdbcTx.pathPrefixArgs(page.pathPrefix()))
                .addIf(Markers.after(page), " AND lower(u.name) > ?")
                .add(" ORDER BY lower(u.name) LIMIT ?", Markers.limit(page));
        return pageOf(tx.db.query(q.sql(), JdbcUsers::keyed, q.args()), page);
    }

    /** Pages keyed rows; the users come without their tags (see {@link io.sigil.iam.store.UserStore#list}). */
    static Page<User> pageOf(List<Keyed<User>> rows, PageRequest page) {
        return Markers.page(rows, page, Keyed::sortKey).map(Keyed::value);
    }

    @Override
    public User update(User changed) {
        find(changed.accountId(), changed.name()).filter(other -> !other.id().equals(changed.id()))
                .ifPresent(other -> {
                    throw alreadyExists(changed.name());
                });
        int n = tx.guarded(() -> tx.db.update("UPDATE users SET name = ?, path = ?, permissions_boundary_arn = ?, "
                        + "password_last_used = ?, version = version + 1 WHERE id = ? AND version = ?",
                changed.name(), changed.path(), changed.permissionsBoundaryArn(), changed.passwordLastUsed(),
                changed.id(), changed.version()), () -> alreadyExists(changed.name()), null);
        if (n == 0) {
            throw findById(changed.id()).isPresent() ? JdbcTx.concurrentModification()
                    : UserStore.noSuchUser(changed.name());
        }
        tx.changed(EntityKind.USER, changed.accountId(), changed.id());
        return findById(changed.id()).orElseThrow();
    }

    /**
     * What AWS answers for a user that still has SSH public keys (a CloudFormation stack deleting a CodeCommit user
     * quoted it: "Cannot delete entity, must remove referenced objects first. (Service: AmazonIdentityManagement;
     * Status Code: 409; Error Code: DeleteConflict ...)"; ucopacme/aws-orgs#69 got it after removing keys,
     * policies, groups, MFA devices, signing certificates and the login profile); service-specific credentials are
     * such objects too.
     */
    static final String REFERENCED_OBJECTS = "Cannot delete entity, must remove referenced objects first.";

    /**
     * Checks in the order of the DeleteUser reference's list of items to remove first: password (login profile),
     * access keys, signing certificates, SSH public keys, service-specific ("Git") credentials, MFA devices, inline
     * policies, ..., group memberships. The group-membership text is the one IAM answers with for a user (the same
     * words as DeleteGroup with members), as seen in AWS responses quoted in mozilla-services/userplex#17 and n8n's
     * AWS IAM node tests; the login profile and MFA texts are AWS's as Terraform and CloudFormation users quote them
     * ("Cannot delete entity, must delete login profile first.", "Cannot delete entity, must delete MFA device
     * first."); the certificate text follows the access key one (AWS does not publish it); SSH keys and
     * service-specific credentials get {@link #REFERENCED_OBJECTS}.
     */
    @Override
    public void delete(String accountId, String name) {
        User user = lock(accountId, name);
        requireNone("SELECT count(*) FROM login_profiles WHERE user_id = ?", user.id(),
                "Cannot delete entity, must delete login profile first.");
        requireNone("SELECT count(*) FROM access_keys WHERE user_id = ?", user.id(),
                "Cannot delete entity, must delete access keys first.");
        requireNone("SELECT count(*) FROM signing_certificates WHERE user_id = ?", user.id(),
                "Cannot delete entity, must delete signing certificates first.");
        requireNone("SELECT count(*) FROM ssh_public_keys WHERE user_id = ?", user.id(),
                REFERENCED_OBJECTS);
        requireNone("SELECT count(*) FROM service_specific_credentials WHERE user_id = ?", user.id(),
                REFERENCED_OBJECTS);
        requireNone("SELECT count(*) FROM virtual_mfa_devices WHERE user_id = ?", user.id(),
                "Cannot delete entity, must delete MFA device first.");
        requireNone("SELECT count(*) FROM user_policies WHERE owner_id = ?", user.id(),
                "Cannot delete entity, must delete policies first.");
        requireNone("SELECT count(*) FROM user_attached_policies WHERE owner_id = ?", user.id(),
                "Cannot delete entity, must detach all policies first.");
        requireNone("SELECT count(*) FROM group_members WHERE user_id = ?", user.id(),
                "Cannot delete entity, must remove users from group first.");
        tx.guarded(() -> tx.db.update("DELETE FROM users WHERE id = ?", user.id()), null,
                () -> IamException.deleteConflict("Cannot delete entity, it still has attached entities."));
        tx.changed(EntityKind.USER, accountId, user.id());
    }

    private void requireNone(String countSql, String id, String message) {
        if (tx.db.count(countSql, id) > 0) {
            throw IamException.deleteConflict(message);
        }
    }

    private User withTags(User u) {
        return u.withTags(JdbcTags.forOwners(tx, TaggableKind.USER, List.of(u.id())).getOrDefault(u.id(), List.of()));
    }

    private static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("User with name " + name + " already exists.");
    }

    static Keyed<User> keyed(ResultSet rs) throws SQLException {
        return new Keyed<>(Db.text(rs, "sort_key"), map(rs));
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(Db.text(rs, "account_id"), Db.text(rs, "name"), Db.text(rs, "path"), Db.text(rs, "id"),
                Db.instant(rs, "create_date"), Db.text(rs, "permissions_boundary_arn"),
                Db.instant(rs, "password_last_used"), List.of(), rs.getLong("version"));
    }
}
