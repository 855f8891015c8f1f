package io.sigil.iam.model;

import io.sigil.iam.Arns;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IAM delegation request (IAM API Reference, "DelegationRequest"; IAM User Guide, "Temporary delegation"): a
 * partner account (the requestor) asks an owner account for temporary, scoped access; an identity of the owner
 * account associates, accepts and releases it, and the partner exchanges the released token for credentials of the
 * accepting identity (STS "GetDelegatedAccessToken").
 *
 * @param ownerAccountId      the target account; null until known ("can be associated by any account")
 * @param ownerId             ARN of the identity that associated the request; null before
 * @param permissionPolicy    the policy document the template resolved to at creation
 * @param approverId          ARN of the identity that accepted (mapped to the delegated credential)
 * @param approverPrincipalArn the accepting identity's user, root or role ARN (a role session's role)
 * @param approverSourceId    its unique id: the user's AIDA…, the account id for root, the role's AROA…
 * @param approverSessionName the role session name when the acceptor was a role session, else null
 * @param tradeInSecret       the secret half of the exchange token, made by SendDelegationToken; null before
 * @param finalizedAt         when the token was released: the delegation period starts then
 * @param version             optimistic-lock version
 */
public record DelegationRequest(String id, String requestorAccountId, String requestorWorkflowId,
                                String ownerAccountId, String ownerId, String description, String requestMessage,
                                DelegationPermissions permissions, String permissionPolicy, String redirectUrl,
                                String notificationChannel, int sessionDuration, boolean onlySendByOwner,
                                DelegationState state, Instant createDate, Instant updatedTime,
                                Instant expirationTime, String notes, String rejectionReason, String approverId,
                                String approverPrincipalArn, String approverSourceId, String approverSessionName,
                                byte[] tradeInSecret, Instant finalizedAt, long version) {
    public DelegationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requestorAccountId, "requestorAccountId");
        Objects.requireNonNull(requestorWorkflowId, "requestorWorkflowId");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updatedTime, "updatedTime");
        Objects.requireNonNull(expirationTime, "expirationTime");
        tradeInSecret = tradeInSecret == null ? null : tradeInSecret.clone();
    }

    @Override
    public byte[] tradeInSecret() {
        return tradeInSecret == null ? null : tradeInSecret.clone();
    }

    /** The state as of {@code now}: a request past its expiration time is EXPIRED, whatever was stored. */
    public DelegationState stateAt(Instant now) {
        return state != DelegationState.EXPIRED && !now.isBefore(expirationTime) ? DelegationState.EXPIRED : state;
    }

    /**
     * {@code arn:aws:iam::ACCOUNT:delegation-request/ID} (Service Authorization Reference, IAM resource type
     * "delegation-request"), in the account the caller acts in.
     */
    public static String arn(String account, String id) {
        return "arn:" + Arns.PARTITION + ":iam::" + account + ":delegation-request/" + id;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelegationRequest d && d.id.equals(id) && d.version == version
                && d.state == state && Objects.equals(d.ownerId, ownerId) && Objects.equals(d.approverId, approverId)
                && Objects.equals(d.notes, notes) && Arrays.equals(d.tradeInSecret, tradeInSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    /** Never prints the token secret. */
    @Override
    public String toString() {
        return "DelegationRequest[" + id + ", " + state + ", requestor " + requestorAccountId + ", owner "
                + ownerAccountId + "]";
    }

    /** A changed copy: the state transitions set a few members each. */
    public static final class Builder {
        private final DelegationRequest r;
        private String ownerAccountId;
        private String ownerId;
        private DelegationState state;
        private Instant updatedTime;
        private Instant expirationTime;
        private String notes;
        private String rejectionReason;
        private String approverId;
        private String approverPrincipalArn;
        private String approverSourceId;
        private String approverSessionName;
        private byte[] tradeInSecret;
        private Instant finalizedAt;

        private Builder(DelegationRequest r) {
            this.r = r;
            ownerAccountId = r.ownerAccountId;
            ownerId = r.ownerId;
            state = r.state;
            updatedTime = r.updatedTime;
            expirationTime = r.expirationTime;
            notes = r.notes;
            rejectionReason = r.rejectionReason;
            approverId = r.approverId;
            approverPrincipalArn = r.approverPrincipalArn;
            approverSourceId = r.approverSourceId;
            approverSessionName = r.approverSessionName;
            tradeInSecret = r.tradeInSecret;
            finalizedAt = r.finalizedAt;
        }

        public Builder owner(String account, String arn) {
            ownerAccountId = account;
            ownerId = arn;
            return this;
        }

        public Builder state(DelegationState s, Instant at) {
            state = s;
            updatedTime = at;
            return this;
        }

        public Builder expiresAt(Instant t) {
            expirationTime = t;
            return this;
        }

        public Builder notes(String n) {
            notes = n;
            return this;
        }

        public Builder rejectionReason(String n) {
            rejectionReason = n;
            return this;
        }

        public Builder approver(String arn, String principalArn, String sourceId, String sessionName) {
            approverId = arn;
            approverPrincipalArn = principalArn;
            approverSourceId = sourceId;
            approverSessionName = sessionName;
            return this;
        }

        public Builder released(byte[] secret, Instant at) {
            tradeInSecret = secret;
            finalizedAt = at;
            return this;
        }

        public DelegationRequest build() {
            return new DelegationRequest(r.id, r.requestorAccountId, r.requestorWorkflowId, ownerAccountId, ownerId,
                    r.description, r.requestMessage, r.permissions, r.permissionPolicy, r.redirectUrl,
                    r.notificationChannel, r.sessionDuration, r.onlySendByOwner, state, r.createDate, updatedTime,
                    expirationTime, notes, rejectionReason, approverId, approverPrincipalArn, approverSourceId,
                    approverSessionName, tradeInSecret, finalizedAt, r.version);
        }
    }
}
