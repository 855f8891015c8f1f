package io.sigil.store.internal;

import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.AccessReportJob;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.store.AccessRecordStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Last-accessed records, one row per entity, service and action, and report jobs. A record is an upsert that keeps
 * the later time ({@code ON CONFLICT ... DO UPDATE ... WHERE}, the same in SQLite and PostgreSQL), so concurrent
 * nodes and replayed batches converge on the maximum. Writes publish no change event: nothing is cached from them.
 */
final class JdbcAccessRecords implements AccessRecordStore {

    /** Entity ids per query: well under SQLite's and PostgreSQL's bind-parameter limits. */
    private static final int IDS_PER_QUERY = 500;

    private final JdbcTx tx;

    JdbcAccessRecords(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public void record(AccessRecord r) {
        tx.db.update("INSERT INTO access_records (account_id, entity_kind, entity_id, entity_arn, namespace, action, "
                        + "action_key, last_accessed, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (entity_id, namespace, action_key) DO UPDATE SET "
                        + "last_accessed = excluded.last_accessed, region = excluded.region, "
                        + "entity_arn = excluded.entity_arn, action = excluded.action "
                        + "WHERE excluded.last_accessed > access_records.last_accessed",
                r.accountId(), r.entityKind().name(), r.entityId(), r.entityArn(), r.serviceNamespace(), r.action(),
                r.action().toLowerCase(Locale.ROOT), r.lastAccessed(), r.region());
    }

    @Override
    public List<AccessRecord> forEntities(String accountId, Collection<String> entityIds, Instant since) {
        List<String> ids = List.copyOf(entityIds);
        List<AccessRecord> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            Object[] args = new Object[chunk.size() + 2];
            args[0] = accountId;
            args[1] = since;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 2] = chunk.get(i);
            }
            out.addAll(tx.db.query("SELECT account_id, entity_kind, entity_id, entity_arn, namespace, action, "
                    + "last_accessed, region FROM access_records WHERE account_id = ? AND last_accessed >= ? "
                    + "AND entity_id IN (" + Db.placeholders(chunk.size())
                    + ")", rs -> new AccessRecord(rs.getString(1), PolicyOwnerKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            Db.instant(rs, "last_accessed"), rs.getString(8)), args));
        }
        return out;
    }

    @Override
    public void saveJob(AccessReportJob job) {
        tx.db.update("DELETE FROM access_report_jobs WHERE id = ?", job.jobId());
        tx.db.update("INSERT INTO access_report_jobs (id, account_id, caller_arn, subject_arn, granularity, status, "
                        + "created, completed, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", job.jobId(),
                job.accountId(), job.callerArn(), job.subjectArn(), job.granularity(), job.status(), job.created(),
                job.completed(), job.report());
    }

    @Override
    public Optional<AccessReportJob> findJob(String accountId, String jobId) {
        return tx.db.queryOne("SELECT id, account_id, caller_arn, subject_arn, granularity, status, created, "
                        + "completed, report FROM access_report_jobs WHERE account_id = ? AND id = ?",
                rs -> new AccessReportJob(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Db.instant(rs, "created"), Db.instant(rs, "completed"),
                        rs.getString(9)), accountId, jobId);
    }

    @Override
    public int deleteJobsBefore(String accountId, Instant before) {
        return tx.db.update("DELETE FROM access_report_jobs WHERE account_id = ? AND created < ?", accountId, before);
    }
}
