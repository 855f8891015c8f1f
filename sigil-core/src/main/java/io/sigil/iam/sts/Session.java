package io.sigil.iam.sts;

import io.sigil.iam.Arns;
import io.sigil.iam.model.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a session token carries (DESIGN.md, "Secrets and credentials"): who the session is, when it was issued
 * and ends, whether MFA was used, its session policies, tags and source identity.
 *
 * @param kind              GetSessionToken, GetFederationToken or an assumed role
 * @param accountId         the session's account
 * @param accessKeyId       the {@code ASIA…} key id the token belongs to
 * @param sourceArn         the IAM user (or {@code :root}) that asked for a session token or federation token, or
 *                          the role's ARN (with its path) for an assumed role
 * @param sourceId          the unique id of that source: {@code AIDA…}, the account id for the root user, or the
 *                          role's {@code AROA…}
 * @param name              the federated user's name or the role session name; null for GetSessionToken
 * @param issuedAt          {@code aws:TokenIssueTime}
 * @param expiresAt         the end of the session (Credentials/Expiration)
 * @param mfaAuthenticatedAt when MFA was verified for this session, or null without MFA
 * @param policy            the inline session policy as submitted, or null
 * @param policyArns        managed session policies (at most 10)
 * @param tags              session tags, in the order given
 * @param transitiveTagKeys tag keys that pass on when this session assumes another role
 * @param sourceIdentity    {@code aws:SourceIdentity}, or null
 * @param chained           whether an assumed role was assumed with another role's session (role chaining)
 * @param webIdentity       the OIDC provider and token keys of an AssumeRoleWithWebIdentity session, else null
 */
public record Session(SessionKind kind, String accountId, String accessKeyId, String sourceArn, String sourceId,
                      String name, Instant issuedAt, Instant expiresAt, Instant mfaAuthenticatedAt, String policy,
                      List<String> policyArns, List<Tag> tags, List<String> transitiveTagKeys,
                      String sourceIdentity, boolean chained, WebIdentityContext webIdentity) {
    public Session {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(sourceArn, "sourceArn");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (kind != SessionKind.SESSION_TOKEN) {
            Objects.requireNonNull(name, "name");
        }
        policyArns = List.copyOf(policyArns == null ? List.of() : policyArns);
        tags = List.copyOf(tags == null ? List.of() : tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys == null ? List.of() : transitiveTagKeys);
    }

    /** A session that did not come from a web identity. */
    public Session(SessionKind kind, String accountId, String accessKeyId, String sourceArn, String sourceId,
                   String name, Instant issuedAt, Instant expiresAt, Instant mfaAuthenticatedAt, String policy,
                   List<String> policyArns, List<Tag> tags, List<String> transitiveTagKeys, String sourceIdentity,
                   boolean chained) {
        this(kind, accountId, accessKeyId, sourceArn, sourceId, name, issuedAt, expiresAt, mfaAuthenticatedAt, policy,
                policyArns, tags, transitiveTagKeys, sourceIdentity, chained, null);
    }

    /** Whether MFA was verified when the session was created ({@code aws:MultiFactorAuthPresent}). */
    public boolean mfaPresent() {
        return mfaAuthenticatedAt != null;
    }

    /** Whether the session has session policies at all (inline or managed). */
    public boolean hasSessionPolicies() {
        return policy != null || !policyArns.isEmpty();
    }

    /** Whether the source of a GetSessionToken or GetFederationToken session is the account's root user. */
    public boolean sourceIsRoot() {
        return kind != SessionKind.ASSUMED_ROLE && sourceArn.endsWith(":root");
    }

    /** The session principal's ARN, as GetCallerIdentity reports it. */
    public String arn() {
        switch (kind) {
            case SESSION_TOKEN:
                return sourceArn;
            case FEDERATED_USER:
                return "arn:" + Arns.PARTITION + ":sts::" + accountId + ":federated-user/" + name;
            default:
                return "arn:" + Arns.PARTITION + ":sts::" + accountId + ":assumed-role/" + roleName() + "/" + name;
        }
    }

    /**
     * {@code aws:userid} (IAM User Guide, "Request information that you can use in policy variables"): the user's
     * id for GetSessionToken, {@code ACCOUNT:NAME} for a federated user, {@code ROLEID:SESSION} for a role session.
     */
    public String userId() {
        switch (kind) {
            case SESSION_TOKEN:
                return sourceId;
            case FEDERATED_USER:
                return accountId + ":" + name;
            default:
                return sourceId + ":" + name;
        }
    }

    /** The role's name (the last segment of its ARN) for an assumed role; null otherwise. */
    public String roleName() {
        if (kind != SessionKind.ASSUMED_ROLE) {
            return null;
        }
        return sourceArn.substring(sourceArn.lastIndexOf('/') + 1);
    }

    /** Seconds since MFA was verified, at {@code now} ({@code aws:MultiFactorAuthAge}); -1 without MFA. */
    public long mfaAgeSeconds(Instant now) {
        return mfaAuthenticatedAt == null ? -1 : Math.max(0, now.getEpochSecond() - mfaAuthenticatedAt.getEpochSecond());
    }
}
