package io.sigil.iam.auth;

import io.sigil.iam.model.User;
import io.sigil.policy.Caller;

import java.util.Objects;

/**
 * The authenticated caller of an API request: an account's root user or one of its IAM users, and the access
 * key that signed the request (IAM User Guide, "Understanding how IAM works": principal, authentication).
 *
 * @param accountId   the caller's account
 * @param user        the IAM user, or null for the account root
 * @param accessKeyId the key that signed the request
 */
public record Principal(String accountId, User user, String accessKeyId) {
    public Principal {
        Objects.requireNonNull(accountId, "accountId");
    }

    public static Principal root(String accountId, String accessKeyId) {
        return new Principal(accountId, null, accessKeyId);
    }

    public static Principal user(User user, String accessKeyId) {
        return new Principal(user.accountId(), user, accessKeyId);
    }

    public boolean isRoot() {
        return user == null;
    }

    /** {@code arn:aws:iam::ACCT:root} or the user's ARN. */
    public String arn() {
        return isRoot() ? io.sigil.iam.Arns.root(accountId) : user.arn();
    }

    /** {@code aws:userid}: the account id for the root, the user's unique id (AIDA…) for a user. */
    public String userId() {
        return isRoot() ? accountId : user.id();
    }

    /** The caller as the policy engine sees it. */
    public Caller caller() {
        return Caller.parse(arn());
    }

    /** How AWS names the caller at the start of an AccessDenied message: "User: arn:…". */
    public String describe() {
        return "User: " + arn();
    }
}
