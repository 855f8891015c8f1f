package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The IAM user operations: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser, TagUser, UntagUser and
 * ListUserTags (IAM API Reference, "Actions"). Each runs in one store transaction.
 *
 * <p>Errors, with AWS's words: NoSuchEntity "The user with name X cannot be found."; EntityAlreadyExists "User with
 * name X already exists." (names are unique case-insensitively); LimitExceeded "Cannot exceed quota for
 * UsersPerAccount: 5000" and "... TagsPerUser: 50"; DeleteConflict "Cannot delete entity, must delete access keys
 * first." (and policies, group memberships); InvalidInput for duplicate tag keys and bad boundary ARNs.
 */
public final class UserService {

    /** "This parameter is optional. If it is not included, it defaults to a slash (/)." (CreateUser › Path) */
    public static final String DEFAULT_PATH = "/";

    private final Store store;
    private final Clock clock;
    private final Limits limits;
    private final BoundaryPolicies boundaries;

    public UserService(Store store, Clock clock, Limits limits) {
        this(store, clock, limits, BoundaryPolicies.ownAccountOrAws());
    }

    public UserService(Store store, Clock clock, Limits limits, BoundaryPolicies boundaries) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    /**
     * CreateUser. "If any one of the tags is invalid or if you exceed the allowed maximum number of tags, then the
     * entire request fails and the resource is not created."
     *
     * @param path null for {@code /}
     * @param permissionsBoundaryArn null for none
     * @param tags empty for none
     */
    public User createUser(String accountId, String userName, String path, String permissionsBoundaryArn,
            List<Tag> tags) {
        List<Tag> tagList = List.copyOf(tags == null ? List.of() : tags);
        TagRules.requireNoReservedPrefix(tagList);
        if (tagList.size() > limits.tagsPerEntity()) {
            throw IamException.quotaExceeded("TagsPerUser", limits.tagsPerEntity());
        }
        if (permissionsBoundaryArn != null) {
            boundaries.requireAttachable(accountId, permissionsBoundaryArn);
        }
        User user = User.create(accountId, userName, path == null ? DEFAULT_PATH : path, Ids.userId(), now(),
                permissionsBoundaryArn, tagList);
        return store.inTransaction(tx -> tx.users().create(user));
    }

    /** GetUser with a name. */
    public User getUser(String accountId, String userName) {
        return store.read(tx -> tx.users().get(accountId, userName));
    }

    /**
     * GetUser as the API does it: with a name, that user of the caller's account; without, the caller itself
     * ("If it is not included, it defaults to the user making the request"), read afresh from the store.
     */
    public UserInfo getUser(Principal caller, String userName) {
        if (userName != null) {
            return new UserInfo.Iam(getUser(caller.accountId(), userName));
        }
        if (caller.isRoot()) {
            return store.read(tx -> new UserInfo.Root(caller.accountId(),
                    tx.accounts().get(caller.accountId()).createDate()));
        }
        User self = requireUser(caller);
        return store.read(tx -> tx.users().findById(self.id()).<UserInfo>map(UserInfo.Iam::new)
                .orElseThrow(() -> UserStore.noSuchUser(self.name())));
    }

    /**
     * The caller as an IAM user, for operations whose user name defaults to the caller. A federated user or role
     * session is not a user: IAM answers "Must specify userName when calling with non-User credentials"
     * (ValidationError, seen from GetUser and ListAccessKeys with role credentials: aws/aws-sdk-java#1304,
     * mhausenblas/rbIAM#4).
     */
    public static User requireUser(Principal caller) {
        if (caller.user() == null || !caller.isIamUser()) {
            throw io.sigil.iam.error.IamException.validationError(
                    "Must specify userName when calling with non-User credentials");
        }
        return caller.user();
    }

    /** ListUsers: users whose path starts with the prefix, ordered by name, a page at a time. */
    public Page<User> listUsers(String accountId, PageRequest page) {
        return store.read(tx -> tx.users().list(accountId, page));
    }

    /**
     * UpdateUser: a new name and/or path; the unique id, group memberships, policies, keys and tags stay with the
     * user (IAM User Guide, "Renaming an IAM user"). With neither, the user is left as it is.
     *
     * @return the user as stored afterwards
     */
    public User updateUser(String accountId, String userName, String newUserName, String newPath) {
        return store.inTransaction(tx -> {
            User user = tx.users().lock(accountId, userName);
            if (newUserName == null && newPath == null) {
                return user;
            }
            return tx.users().update(user.renamed(newUserName == null ? user.name() : newUserName,
                    newPath == null ? user.path() : newPath));
        });
    }

    /** DeleteUser: refused with DeleteConflict while the user has access keys, inline policies or groups. */
    public void deleteUser(String accountId, String userName) {
        store.write(tx -> tx.users().delete(accountId, userName));
    }

    /** TagUser: adds tags, replacing the value (and key spelling) of a key already there. */
    public void tagUser(String accountId, String userName, List<Tag> tags) {
        TagRules.requireNoReservedPrefix(tags);
        store.write(tx -> tx.tags().tag(accountId, TaggableKind.USER, userName, List.copyOf(tags)));
    }

    /** UntagUser: removes the tags with these keys (in any case); keys the user does not have are ignored. */
    public void untagUser(String accountId, String userName, List<String> tagKeys) {
        store.write(tx -> tx.tags().untag(accountId, TaggableKind.USER, userName, List.copyOf(tagKeys)));
    }

    /** ListUserTags: "The returned list of tags is sorted by tag key." */
    public Page<Tag> listUserTags(String accountId, String userName, PageRequest page) {
        return store.read(tx -> tx.tags().list(accountId, TaggableKind.USER, userName, page));
    }

    /** IAM reports creation dates to the second. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
