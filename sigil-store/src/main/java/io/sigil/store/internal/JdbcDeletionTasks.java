package io.sigil.store.internal;

import io.sigil.iam.model.DeletionTask;
import io.sigil.iam.store.DeletionTaskStore;
import java.util.Optional;

/** Service-linked role deletion tasks in slr_deletion_tasks, one account's tasks visible only to that account. */
final class JdbcDeletionTasks implements DeletionTaskStore {

    private final JdbcTx tx;

    JdbcDeletionTasks(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public void create(DeletionTask t) {
        tx.db.update("INSERT INTO slr_deletion_tasks (id, account_id, role_arn, status, reason, create_date) "
                + "VALUES (?, ?, ?, ?, ?, ?)", t.id(), t.accountId(), t.roleArn(), t.status(), t.reason(),
                t.createDate());
    }

    @Override
    public Optional<DeletionTask> find(String accountId, String taskId) {
        return tx.db.queryOne("SELECT account_id, id, role_arn, status, reason, create_date FROM slr_deletion_tasks "
                        + "WHERE account_id = ? AND id = ?",
                rs -> new DeletionTask(rs.getString("account_id"), rs.getString("id"), rs.getString("role_arn"),
                        rs.getString("status"), rs.getString("reason"), Db.instant(rs, "create_date")),
                accountId, taskId);
    }

    @Override
    public void update(DeletionTask t) {
        tx.db.update("UPDATE slr_deletion_tasks SET status = ?, reason = ? WHERE account_id = ? AND id = ?",
                t.status(), t.reason(), t.accountId(), t.id());
    }
}
