package io.sigil.iam.auth;

import io.sigil.iam.Arns;
import io.sigil.iam.model.User;
import io.sigil.iam.sts.Session;
import io.sigil.iam.sts.SessionKind;
import io.sigil.policy.Caller;

import java.util.Objects;

/**
 * The authenticated caller of an API request (IAM User Guide, "Understanding how IAM works": principal,
 * authentication): an account's root user or one of its IAM users with a long-term key, or a session with temporary
 * credentials — the same user or root through GetSessionToken, a federated user (GetFederationToken), or a role
 * session.
 *
 * @param accountId   the caller's account
 * @param user        the IAM user: the caller itself, or the user whose GetSessionToken or GetFederationToken
 *                    session this is; null for the root user, its sessions, and role sessions
 * @param accessKeyId the key that signed the request ({@code AKIA…} or {@code ASIA…})
 * @param session     the temporary session, or null for a long-term key
 */
public record Principal(String accountId, User user, String accessKeyId, Session session) {
    public Principal {
        Objects.requireNonNull(accountId, "accountId");
    }

    public Principal(String accountId, User user, String accessKeyId) {
        this(accountId, user, accessKeyId, null);
    }

    public static Principal root(String accountId, String accessKeyId) {
        return new Principal(accountId, null, accessKeyId);
    }

    public static Principal user(User user, String accessKeyId) {
        return new Principal(user.accountId(), user, accessKeyId);
    }

    /**
     * A session principal. {@code user} is the IAM user behind a GetSessionToken or GetFederationToken session
     * (null when that is the root user, and for role sessions).
     */
    public static Principal session(Session session, User user) {
        return new Principal(session.accountId(), user, session.accessKeyId(), session);
    }

    /** The kind of session, or null for long-term credentials. */
    public SessionKind sessionKind() {
        return session == null ? null : session.kind();
    }

    public boolean isTemporary() {
        return session != null;
    }

    /** The account root user, with its long-term key or a GetSessionToken session of it. */
    public boolean isRoot() {
        return user == null && (session == null || session.kind() == SessionKind.SESSION_TOKEN);
    }

    /** An IAM user acting as itself: with its long-term key or a GetSessionToken session. */
    public boolean isIamUser() {
        return user != null && (session == null || session.kind() == SessionKind.SESSION_TOKEN);
    }

    /** {@code arn:aws:iam::ACCT:root}, the user's ARN, or the session's STS ARN (federated-user/, assumed-role/). */
    public String arn() {
        if (session != null && session.kind() != SessionKind.SESSION_TOKEN) {
            return session.arn();
        }
        return user == null ? Arns.root(accountId) : user.arn();
    }

    /**
     * {@code aws:userid}: the account id for the root user, the user's unique id (AIDA…) for a user,
     * {@code ACCOUNT:NAME} for a federated user, {@code ROLEID:SESSION} for a role session.
     */
    public String userId() {
        if (session != null && session.kind() != SessionKind.SESSION_TOKEN) {
            return session.userId();
        }
        return user == null ? accountId : user.id();
    }

    /** {@code aws:PrincipalArn}: the role's ARN for a role session (AWS global condition context keys), else {@link #arn()}. */
    public String principalArn() {
        return session != null && session.kind() == SessionKind.ASSUMED_ROLE ? session.sourceArn() : arn();
    }

    /** {@code aws:PrincipalType}: Account, User, FederatedUser or AssumedRole. */
    public String principalType() {
        if (isRoot()) {
            return "Account";
        }
        if (isIamUser()) {
            return "User";
        }
        return session.kind() == SessionKind.FEDERATED_USER ? "FederatedUser" : "AssumedRole";
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
