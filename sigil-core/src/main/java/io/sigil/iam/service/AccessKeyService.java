package io.sigil.iam.service;

import io.sigil.iam.Ids;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeySecret;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.User;
import io.sigil.iam.store.AccessKeyStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import io.sigil.iam.store.UserStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Long-term access keys of IAM users and of the account root (IAM API Reference: CreateAccessKey, ListAccessKeys,
 * UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed; spec §1.8, §5.4).
 *
 * <p>Every operation but GetAccessKeyLastUsed names the key's owner by an optional {@code UserName}: "If you do not
 * specify a user name, IAM determines the user name implicitly based on the Amazon Web Services access key ID
 * signing the request. This operation works for access keys under the Amazon Web Services account. Consequently,
 * you can use this operation to manage Amazon Web Services account root user credentials." So an omitted name means
 * the caller: the root user for a root caller, the calling IAM user otherwise. A key that exists but belongs to
 * another owner is answered as not found, exactly like one that does not exist.
 *
 * <p>The {@code AccessKeysPerUser} quota (2, for users and for the root user alike) is enforced by the store under a
 * lock on the owner, so two racing creates cannot both pass it.
 */
public final class AccessKeyService {

    private final Store store;
    private final Clock clock;

    public AccessKeyService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * CreateAccessKey: a new {@code Active} key with its secret, which is shown this once ("the secret access key is
     * accessible only during key and user creation").
     *
     * @param userName the owner, or null for the caller
     * @throws io.sigil.iam.error.IamException NoSuchEntity for an unknown user; LimitExceeded "Cannot exceed quota
     *     for AccessKeysPerUser: 2"
     */
    public AccessKeySecret create(Principal caller, String userName) {
        return store.inTransaction(tx -> {
            Owner owner = owner(tx, caller, userName);
            String secret = Ids.secretAccessKey();
            AccessKey key = new AccessKey(caller.accountId(), Ids.accessKeyId(), owner.userId(), owner.userName(),
                    AccessKeyStatus.ACTIVE, clock.instant().truncatedTo(ChronoUnit.SECONDS), null);
            return new AccessKeySecret(tx.accessKeys().create(key, secret), secret);
        });
    }

    /**
     * ListAccessKeys: the owner's keys, ordered by key id; "If there are none, the operation returns an empty list."
     *
     * @param userName the owner, or null for the caller
     * @throws io.sigil.iam.error.IamException NoSuchEntity for an unknown user; InvalidInput for a bad marker
     */
    public Page<AccessKey> list(Principal caller, String userName, PageRequest page) {
        return store.read(tx -> tx.accessKeys().list(caller.accountId(), owner(tx, caller, userName).userName(),
                page));
    }

    /**
     * UpdateAccessKey: sets the status; "Active means that the key can be used for programmatic calls to Amazon Web
     * Services, while Inactive means that the key cannot be used."
     *
     * @param userName the owner, or null for the caller
     * @throws io.sigil.iam.error.IamException NoSuchEntity for an unknown user or a key the owner does not have
     */
    public AccessKey updateStatus(Principal caller, String userName, String accessKeyId, AccessKeyStatus status) {
        Objects.requireNonNull(status, "status");
        return store.inTransaction(tx -> {
            ownedKey(tx, caller, userName, accessKeyId);
            return tx.accessKeys().updateStatus(caller.accountId(), accessKeyId, status);
        });
    }

    /**
     * DeleteAccessKey: removes the key for good.
     *
     * @param userName the owner, or null for the caller
     * @throws io.sigil.iam.error.IamException NoSuchEntity for an unknown user or a key the owner does not have
     */
    public void delete(Principal caller, String userName, String accessKeyId) {
        store.write(tx -> {
            ownedKey(tx, caller, userName, accessKeyId);
            tx.accessKeys().delete(caller.accountId(), accessKeyId);
        });
    }

    /**
     * GetAccessKeyLastUsed: the key with its owner's name (null for a root key) and its last use (null if never
     * used; the API then answers {@code ServiceName} and {@code Region} "N/A" and no date). Any key of the caller's
     * account may be asked about; a key of another account is one the caller may not ask about.
     *
     * @throws IamException AccessDenied "User: ARN is not authorized to perform iam:GetAccessKeyLastUsed on
     *     resource: access key X"
     */
    public AccessKey lastUsed(Principal caller, String accessKeyId) {
        // A key that is not the account's is AccessDenied in these words, as GetAccessKeyLastUsed answered an unknown
        // key in LocalStack's AWS-validated snapshots (2026), where the other access key operations say NoSuchEntity.
        return store.read(tx -> tx.accessKeys().find(accessKeyId)
                .filter(k -> k.accountId().equals(caller.accountId()))
                .orElseThrow(() -> IamException.accessDenied("User: " + caller.arn()
                        + " is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key "
                        + accessKeyId)));
    }

    /** The key, if it exists in the account and belongs to the named owner (or the caller). */
    private static AccessKey ownedKey(Tx tx, Principal caller, String userName, String accessKeyId) {
        Owner owner = owner(tx, caller, userName);
        return tx.accessKeys().find(accessKeyId)
                .filter(k -> k.accountId().equals(caller.accountId()) && Objects.equals(k.userId(), owner.userId()))
                .orElseThrow(() -> AccessKeyStore.noSuchKey(accessKeyId));
    }

    /** Resolves the named user in the caller's account, or the caller itself when no name is given. */
    private static Owner owner(Tx tx, Principal caller, String userName) {
        if (userName != null) {
            User user = tx.users().get(caller.accountId(), userName);
            return new Owner(user.id(), user.name());
        }
        if (caller.isRoot()) {
            return Owner.ROOT;
        }
        // By id, so a caller renamed since it was authenticated still finds itself.
        User self = tx.users().findById(UserService.requireUser(caller).id())
                .orElseThrow(() -> UserStore.noSuchUser(caller.user().name()));
        return new Owner(self.id(), self.name());
    }

    /** A key owner: an IAM user, or the root user (both fields null). */
    private record Owner(String userId, String userName) {
        static final Owner ROOT = new Owner(null, null);
    }
}
