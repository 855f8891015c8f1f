package io.sigil.store.internal;

import io.sigil.iam.model.CredentialReport;
import io.sigil.iam.store.CredentialReportStore;
import java.util.Optional;

/** Credential reports, one row per account, replaced under a lock on the account row. */
final class JdbcCredentialReports implements CredentialReportStore {

    private final JdbcTx tx;

    JdbcCredentialReports(JdbcTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<CredentialReport> find(String accountId) {
        return tx.db.queryOne("SELECT account_id, generated_at, content FROM credential_reports WHERE account_id = ?",
                rs -> new CredentialReport(rs.getString("account_id"), Db.instant(rs, "generated_at"),
                        rs.getString("content")), accountId);
    }

    @Override
    public void save(CredentialReport report) {
        tx.lockAccount(report.accountId());
        tx.db.update("DELETE FROM credential_reports WHERE account_id = ?", report.accountId());
        tx.db.update("INSERT INTO credential_reports (account_id, generated_at, content) VALUES (?, ?, ?)",
                report.accountId(), report.generatedAt(), report.csv());
    }
}
