package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.GroupStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

final class JdbcGroups implements GroupStore {

    private static final String COLS =
            "g.id, g.account_id, g.name, g.path, g.create_date, g.version, lower(g.name) AS sort_key";
    private static final String BY_NAME = " FROM iam_groups g WHERE g.account_id = ? AND lower(g.name) = lower(?)";

    private final JdbcTx tx;

    JdbcGroups(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Group create(Group group) {
        tx.lockAccount(group.accountId());
        if (find(group.accountId(), group.name()).isPresent()) {
            throw alreadyExists(group.name());
        }
        if (tx.db.count("SELECT count(*) FROM iam_groups WHERE account_id = ?", group.accountId())
                >= tx.limits.groupsPerAccount()) {
            throw IamException.quotaExceeded("GroupsPerAccount", tx.limits.groupsPerAccount());
        }
        tx.guarded(() -> tx.db.update("INSERT INTO iam_groups (id, account_id, name, path, create_date, version) "
                        + "VALUES (?, ?, ?, ?, ?, 0)", group.id(), group.accountId(), group.name(), group.path(),
                group.createDate()), () -> alreadyExists(group.name()), null);
        tx.changed(EntityKind.GROUP, group.accountId(), group.id());
        return findById(group.id()).orElseThrow();
    }

    @Override
    public Optional<Group> find(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME, JdbcGroups::map, accountId, name);
    }

    @Override
    public Optional<Group> findById(String groupId) {
        return tx.db.queryOne("SELECT " + COLS + " FROM iam_groups g WHERE g.id = ?", JdbcGroups::map, groupId);
    }

    /** Reads the group and locks its row until the transaction ends. */
    Group lock(String accountId, String name) {
        return tx.db.queryOne("SELECT " + COLS + BY_NAME + tx.dialect.forUpdate(), JdbcGroups::map, accountId, name)
                .orElseThrow(() -> GroupStore.noSuchGroup(name));
    }

    @Override
    public Page<Group> list(String accountId, PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM iam_groups g WHERE g.account_id = ?", accountId)
                .add(JdbcTx.pathPrefixSql(page.pathPrefix()), JdbcTx.pathPrefixArgs(page.pathPrefix()))
                .addIf(Markers.after(page), " AND lower(g.name) > ?")
                .add(" ORDER BY lower(g.name) LIMIT ?", Markers.limit(page));
        return keyedPage(q, page);
    }

    @Override
    public Group update(Group changed) {
        find(changed.accountId(), changed.name()).filter(other -> !other.id().equals(changed.id()))
                .ifPresent(other -> {
                    throw alreadyExists(changed.name());
                });
        int n = tx.guarded(() -> tx.db.update(
                "UPDATE iam_groups SET name = ?, path = ?, version = version + 1 WHERE id = ? AND version = ?",
                changed.name(), changed.path(), changed.id(), changed.version()),
                () -> alreadyExists(changed.name()), null);
        if (n == 0) {
            throw findById(changed.id()).isPresent() ? JdbcTx.concurrentModification()
                    : GroupStore.noSuchGroup(changed.name());
        }
        tx.changed(EntityKind.GROUP, changed.accountId(), changed.id());
        return findById(changed.id()).orElseThrow();
    }

    /** API Reference, "DeleteGroup": "The group must not contain any users or have any attached policies." */
    @Override
    public void delete(String accountId, String name) {
        Group group = lock(accountId, name);
        if (tx.db.count("SELECT count(*) FROM group_members WHERE group_id = ?", group.id()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must remove users from group first.");
        }
        if (tx.db.count("SELECT count(*) FROM group_policies WHERE owner_id = ?", group.id()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (tx.db.count("SELECT count(*) FROM group_attached_policies WHERE owner_id = ?", group.id()) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        tx.guarded(() -> tx.db.update("DELETE FROM iam_groups WHERE id = ?", group.id()), null,
                () -> IamException.deleteConflict("Cannot delete entity, must remove users from group first."));
        tx.changed(EntityKind.GROUP, accountId, group.id());
    }

    /** Locks the user so that two racing adds cannot both pass the GroupsPerUser count. */
    @Override
    public void addUser(String accountId, String groupName, String userName) {
        Group group = get(accountId, groupName);
        User user = tx.users().lock(accountId, userName);
        if (isMember(group.id(), user.id())) {
            return;
        }
        if (tx.db.count("SELECT count(*) FROM group_members WHERE user_id = ?", user.id())
                >= tx.limits.groupsPerUser()) {
            throw IamException.quotaExceeded("GroupsPerUser", tx.limits.groupsPerUser());
        }
        tx.guarded(() -> tx.db.update("INSERT INTO group_members (group_id, user_id) VALUES (?, ?)", group.id(),
                user.id()), null, () -> GroupStore.noSuchGroup(groupName));
        tx.changed(EntityKind.GROUP, accountId, group.id());
        tx.changed(EntityKind.USER, accountId, user.id());
    }

    @Override
    public boolean removeUser(String accountId, String groupName, String userName) {
        // The user first: with neither there, AWS names the user ("The user with name any-user cannot be found.",
        // LocalStack's AWS-validated snapshot test_iam_groups::test_remove_user_from_unknown_group).
        User user = tx.users().get(accountId, userName);
        Group group = get(accountId, groupName);
        int n = tx.db.update("DELETE FROM group_members WHERE group_id = ? AND user_id = ?", group.id(), user.id());
        if (n > 0) {
            tx.changed(EntityKind.GROUP, accountId, group.id());
            tx.changed(EntityKind.USER, accountId, user.id());
        }
        return n > 0;
    }

    private boolean isMember(String groupId, String userId) {
        return tx.db.count("SELECT count(*) FROM group_members WHERE group_id = ? AND user_id = ?", groupId,
                userId) > 0;
    }

    @Override
    public Page<User> members(String accountId, String groupName, PageRequest page) {
        Group group = get(accountId, groupName);
        SqlArgs q = new SqlArgs("SELECT " + JdbcUsers.COLS + " FROM users u JOIN group_members m ON m.user_id = u.id"
                + " WHERE m.group_id = ?", group.id())
                .addIf(Markers.after(page), " AND lower(u.name) > ?")
                .add(" ORDER BY lower(u.name) LIMIT ?", Markers.limit(page));
        return JdbcUsers.pageOf(tx.db.query(q.sql(), JdbcUsers::keyed, q.args()), page);
    }

    @Override
    public Page<Group> listForUser(String accountId, String userName, PageRequest page) {
        User user = tx.users().get(accountId, userName);
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM iam_groups g JOIN group_members m ON m.group_id = g.id"
                + " WHERE m.user_id = ?", user.id())
                .addIf(Markers.after(page), " AND lower(g.name) > ?")
                .add(" ORDER BY lower(g.name) LIMIT ?", Markers.limit(page));
        return keyedPage(q, page);
    }

    private Page<Group> keyedPage(SqlArgs q, PageRequest page) {
        return Markers.page(tx.db.query(q.sql(), rs -> new Keyed<>(rs.getString("sort_key"), map(rs)), q.args()),
                page, Keyed::sortKey).map(Keyed::value);
    }

    private static IamException alreadyExists(String name) {
        return IamException.entityAlreadyExists("Group with name " + name + " already exists.");
    }

    private static Group map(ResultSet rs) throws SQLException {
        return new Group(rs.getString("account_id"), rs.getString("name"), rs.getString("path"), rs.getString("id"),
                Db.instant(rs, "create_date"), rs.getLong("version"));
    }
}
