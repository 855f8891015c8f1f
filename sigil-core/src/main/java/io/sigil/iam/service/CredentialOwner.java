package io.sigil.iam.service;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Tx;
import io.sigil.iam.store.UserStore;

/**
 * Whose credential an operation names. For the operations whose {@code UserName} is optional (ListSSHPublicKeys, the
 * signing certificate and service-specific credential operations): "If the UserName field is not specified, the
 * user name is determined implicitly based on the Amazon Web Services access key ID used to sign the request. This
 * operation works for access keys under the Amazon Web Services account. Consequently, you can use this operation to
 * manage Amazon Web Services account root user credentials" (IAM API Reference, UploadSigningCertificate).
 *
 * @param userId the user's unique id, or null for the account's root user
 * @param userName the user's current name, or null for the root user
 */
record CredentialOwner(String userId, String userName) {

    static final CredentialOwner ROOT = new CredentialOwner(null, null);

    boolean isRoot() {
        return userId == null;
    }

    /** The named user of the caller's account, or the caller when no name is given. */
    static CredentialOwner resolve(Tx tx, Principal caller, String userName) {
        if (userName != null) {
            User user = tx.users().get(caller.accountId(), userName);
            return new CredentialOwner(user.id(), user.name());
        }
        if (caller.isRoot()) {
            return ROOT;
        }
        // A federated user or role session is not a user ("Must specify userName when calling with non-User
        // credentials"); by id, so a caller renamed since it was authenticated still finds itself.
        User self = tx.users().findById(UserService.requireUser(caller).id())
                .orElseThrow(() -> UserStore.noSuchUser(caller.user().name()));
        return new CredentialOwner(self.id(), self.name());
    }
}
