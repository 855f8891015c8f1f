package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.User;
import java.util.Optional;

/** IAM users (spec §1.3). Names match case-insensitively. */
public interface UserStore {

    /**
     * Inserts {@code user} with its tags.
     *
     * @throws IamException EntityAlreadyExists if the name is taken in any case ("User with name X already
     *     exists."); LimitExceeded past {@code UsersPerAccount} or {@code TagsPerUser}; NoSuchEntity for an unknown
     *     account
     */
    User create(User user);

    Optional<User> find(String accountId, String name);

    default User get(String accountId, String name) {
        return find(accountId, name).orElseThrow(() -> noSuchUser(name));
    }

    /** By unique id ({@code AIDA…}), across accounts. */
    Optional<User> findById(String userId);

    /**
     * Reads the user and locks its row until the transaction ends, so that checks on its sub-resources (keys,
     * groups, policies) and the write that depends on them are atomic.
     */
    User lock(String accountId, String name);

    /**
     * Ordered by name (case-insensitive); only paths starting with {@code page.pathPrefix()}. The users come without
     * their tags (an empty list): the listings answer without them ("IAM resource-listing operations return a subset
     * of the available attributes for the resource. This operation does not return the following attributes, even
     * though they are an attribute of the returned object: PermissionsBoundary, Tags", IAM API Reference, ListUsers),
     * and reading them cost ListUsers a seventh of its time; {@link #get} has them.
     */
    Page<User> list(String accountId, PageRequest page);

    /**
     * Writes name, path, permissions boundary and password-last-used of {@code changed} (matched by id) if the row
     * still has {@code changed.version()}. Tags are written through {@link TagStore}.
     *
     * @return the row as written, version increased
     * @throws IamException ConcurrentModification if the row changed since it was read, NoSuchEntity if it is gone,
     *     EntityAlreadyExists if the new name is taken
     */
    User update(User changed);

    /**
     * DeleteUser as the API does it: refuses while the user has a login profile, access keys, MFA devices, inline
     * policies or group memberships, checked in that order (API Reference, "DeleteUser": "you must delete the items
     * attached to the user manually").
     *
     * @throws IamException NoSuchEntity, DeleteConflict
     */
    void delete(String accountId, String name);

    static IamException noSuchUser(String name) {
        return IamException.noSuchEntity("The user with name " + name + " cannot be found.");
    }
}
