package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import java.util.Optional;

/** IAM groups and their members (spec §1.4). Names match case-insensitively. */
public interface GroupStore {

    /** @throws IamException EntityAlreadyExists, LimitExceeded ({@code GroupsPerAccount}) */
    Group create(Group group);

    Optional<Group> find(String accountId, String name);

    default Group get(String accountId, String name) {
        return find(accountId, name).orElseThrow(() -> noSuchGroup(name));
    }

    Optional<Group> findById(String groupId);

    Page<Group> list(String accountId, PageRequest page);

    /** UpdateGroup: name and path, by id, if the version still matches. */
    Group update(Group changed);

    /** @throws IamException NoSuchEntity; DeleteConflict while it has members or inline policies */
    void delete(String accountId, String name);

    /**
     * AddUserToGroup; adding a member twice is not an error.
     *
     * @throws IamException NoSuchEntity for the group or user, LimitExceeded past {@code GroupsPerUser}
     */
    void addUser(String accountId, String groupName, String userName);

    /**
     * RemoveUserFromGroup.
     *
     * @return false if the user was not a member
     * @throws IamException NoSuchEntity for the group or user
     */
    boolean removeUser(String accountId, String groupName, String userName);

    /**
     * GetGroup's {@code Users}, ordered by user name, without their tags (as {@link UserStore#list}); the path prefix
     * is ignored.
     */
    Page<User> members(String accountId, String groupName, PageRequest page);

    /** ListGroupsForUser, ordered by group name; the path prefix is ignored. */
    Page<Group> listForUser(String accountId, String userName, PageRequest page);

    static IamException noSuchGroup(String name) {
        return IamException.noSuchEntity("The group with name " + name + " cannot be found.");
    }
}
