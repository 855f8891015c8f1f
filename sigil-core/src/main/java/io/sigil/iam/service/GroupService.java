package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Group;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The IAM group operations: CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, AddUserToGroup,
 * RemoveUserFromGroup and ListGroupsForUser (IAM API Reference, "Actions"). Each runs in one store transaction.
 *
 * <p>Errors, with AWS's words: NoSuchEntity "The group with name X cannot be found." (and "The user with name X
 * cannot be found."); EntityAlreadyExists "Group with name X already exists." (unique case-insensitively);
 * LimitExceeded "Cannot exceed quota for GroupsPerAccount: 300" and "... GroupsPerUser: 10"; DeleteConflict
 * "Cannot delete entity, must remove users from group first." and "... must delete policies first.".
 */
public final class GroupService {

    /** "If it is not included, it defaults to a slash (/)." (CreateGroup › Path) */
    public static final String DEFAULT_PATH = "/";

    private final Store store;
    private final Clock clock;
    /** The quotas themselves (GroupsPerAccount, GroupsPerUser) are counted by the store, atomically with the
     * write; these are the same limits the store was opened with. */
    private final Limits limits;

    public GroupService(Store store, Clock clock, Limits limits) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The quotas this service answers LimitExceeded with. */
    public Limits limits() {
        return limits;
    }

    /** CreateGroup. @param path null for {@code /} */
    public Group createGroup(String accountId, String groupName, String path) {
        Group group = Group.create(accountId, groupName, path == null ? DEFAULT_PATH : path, Ids.groupId(), now());
        return store.inTransaction(tx -> tx.groups().create(group));
    }

    /** GetGroup: the group and a page of its members; the page's path prefix is ignored. */
    public GroupMembers getGroup(String accountId, String groupName, PageRequest page) {
        return store.read(tx -> {
            Group group = tx.groups().get(accountId, groupName);
            return new GroupMembers(group, tx.groups().members(accountId, group.name(), page));
        });
    }

    /** ListGroups: groups whose path starts with the prefix, ordered by name. */
    public Page<Group> listGroups(String accountId, PageRequest page) {
        return store.read(tx -> tx.groups().list(accountId, page));
    }

    /**
     * UpdateGroup: a new name and/or path; members, policies and the unique id stay (IAM User Guide, "Renaming an
     * IAM group"). With neither, the group is left as it is.
     */
    public Group updateGroup(String accountId, String groupName, String newGroupName, String newPath) {
        return store.inTransaction(tx -> {
            Group group = tx.groups().get(accountId, groupName);
            if (newGroupName == null && newPath == null) {
                return group;
            }
            return tx.groups().update(group.renamed(newGroupName == null ? group.name() : newGroupName,
                    newPath == null ? group.path() : newPath));
        });
    }

    /** DeleteGroup: "The group must not contain any users or have any attached policies." */
    public void deleteGroup(String accountId, String groupName) {
        store.write(tx -> tx.groups().delete(accountId, groupName));
    }

    /**
     * AddUserToGroup. Adding a member again changes nothing and is not an error. A user is in at most
     * {@link Limits#groupsPerUser()} groups (IAM User Guide, "IAM and AWS STS quotas": "Groups an IAM user can be a
     * member of: 10").
     */
    public void addUserToGroup(String accountId, String groupName, String userName) {
        store.write(tx -> tx.groups().addUser(accountId, groupName, userName));
    }

    /**
     * RemoveUserFromGroup. Removing a user that exists but is not a member succeeds and changes nothing, as AWS
     * answers it (HTTP 200: LocalStack's AWS-validated snapshot test_iam_users::test_user_group_membership,
     * "remove-nonmember-user-from-group"); an unknown user or group is NoSuchEntity.
     */
    public void removeUserFromGroup(String accountId, String groupName, String userName) {
        store.write(tx -> tx.groups().removeUser(accountId, groupName, userName));
    }

    /** ListGroupsForUser: the user's groups ordered by name; the page's path prefix is ignored. */
    public Page<Group> listGroupsForUser(String accountId, String userName, PageRequest page) {
        return store.read(tx -> tx.groups().listForUser(accountId, userName, page));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
