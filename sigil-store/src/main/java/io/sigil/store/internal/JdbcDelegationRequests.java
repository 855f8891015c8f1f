package io.sigil.store.internal;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.DelegationPermissions;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.DelegationState;
import io.sigil.iam.store.DelegationRequestStore;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Delegation requests. The exchange token's secret is stored as
 * {@code SecretBox.seal(secret, "delegation-token:<id>")}. No change events: nothing cached for authorization
 * depends on them.
 */
final class JdbcDelegationRequests implements DelegationRequestStore {

    private static final String COLS = "id, requestor_account_id, requestor_workflow_id, owner_account_id, owner_id, "
            + "description, request_message, policy_template_arn, parameters, permission_policy, redirect_url, "
            + "notification_channel, session_duration, only_send_by_owner, state, create_date, updated_time, "
            + "expiration_time, notes, rejection_reason, approver_id, approver_principal_arn, approver_source_id, "
            + "approver_session_name, trade_in_secret, finalized_at, version";

    private final JdbcTx tx;

    JdbcDelegationRequests(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public DelegationRequest create(DelegationRequest r) {
        tx.guarded(() -> tx.db.update("INSERT INTO delegation_requests (" + COLS + ") VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", r.id(), r.requestorAccountId(),
                r.requestorWorkflowId(), r.ownerAccountId(), r.ownerId(), r.description(), r.requestMessage(),
                r.permissions().policyTemplateArn(), DelegationParametersJson.write(r.permissions().parameters()),
                r.permissionPolicy(), r.redirectUrl(), r.notificationChannel(), r.sessionDuration(),
                r.onlySendByOwner() ? 1 : 0, r.state().name(), r.createDate(), r.updatedTime(), r.expirationTime(),
                r.notes(), r.rejectionReason(), r.approverId(), r.approverPrincipalArn(), r.approverSourceId(),
                r.approverSessionName(), seal(r), r.finalizedAt()), () -> IamException.entityAlreadyExists(
                "A delegation request with RequestorWorkflowId " + r.requestorWorkflowId() + " already exists."),
                () -> IamException.noSuchEntity("The account with id " + r.requestorAccountId()
                        + " cannot be found."));
        return find(r.id()).orElseThrow();
    }

    @Override
    public Optional<DelegationRequest> find(String id) {
        return tx.db.queryOne("SELECT " + COLS + " FROM delegation_requests WHERE id = ?", this::map, id);
    }

    @Override
    public DelegationRequest update(DelegationRequest r) {
        int n = tx.db.update("UPDATE delegation_requests SET owner_account_id = ?, owner_id = ?, state = ?, "
                        + "updated_time = ?, expiration_time = ?, notes = ?, rejection_reason = ?, approver_id = ?, "
                        + "approver_principal_arn = ?, approver_source_id = ?, approver_session_name = ?, "
                        + "trade_in_secret = ?, finalized_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                r.ownerAccountId(), r.ownerId(), r.state().name(), r.updatedTime(), r.expirationTime(), r.notes(),
                r.rejectionReason(), r.approverId(), r.approverPrincipalArn(), r.approverSourceId(),
                r.approverSessionName(), seal(r), r.finalizedAt(), r.id(), r.version());
        if (n == 0) {
            throw JdbcTx.concurrentModification();
        }
        return find(r.id()).orElseThrow();
    }

    @Override
    public Page<DelegationRequest> listOwned(String ownerAccountId, String ownerId, PageRequest page) {
        SqlArgs q = new SqlArgs("SELECT " + COLS + " FROM delegation_requests WHERE owner_account_id = ? "
                + "AND owner_id IS NOT NULL", ownerAccountId)
                .addIf(ownerId, " AND owner_id = ?")
                .addIf(Markers.after(page), " AND id > ?")
                .add(" ORDER BY id LIMIT ?", Markers.limit(page));
        return Markers.page(tx.db.query(q.sql(), this::map, q.args()), page, DelegationRequest::id);
    }

    private byte[] seal(DelegationRequest r) {
        byte[] secret = r.tradeInSecret();
        return secret == null ? null : tx.secretBox.seal(secret, associatedData(r.id()));
    }

    private static byte[] associatedData(String id) {
        return ("delegation-token:" + id).getBytes(StandardCharsets.UTF_8);
    }

    private DelegationRequest map(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        byte[] sealed = rs.getBytes("trade_in_secret");
        return new DelegationRequest(id, rs.getString("requestor_account_id"), rs.getString("requestor_workflow_id"),
                rs.getString("owner_account_id"), rs.getString("owner_id"), rs.getString("description"),
                rs.getString("request_message"), new DelegationPermissions(rs.getString("policy_template_arn"),
                DelegationParametersJson.read(rs.getString("parameters"))), rs.getString("permission_policy"),
                rs.getString("redirect_url"), rs.getString("notification_channel"), rs.getInt("session_duration"),
                rs.getInt("only_send_by_owner") == 1, DelegationState.valueOf(rs.getString("state")),
                Db.instant(rs, "create_date"), Db.instant(rs, "updated_time"), Db.instant(rs, "expiration_time"),
                rs.getString("notes"), rs.getString("rejection_reason"), rs.getString("approver_id"),
                rs.getString("approver_principal_arn"), rs.getString("approver_source_id"),
                rs.getString("approver_session_name"),
                sealed == null ? null : tx.openSealed(sealed, associatedData(id)), Db.instant(rs, "finalized_at"),
                rs.getLong("version"));
    }
}
