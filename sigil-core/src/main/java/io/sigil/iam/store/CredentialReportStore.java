package io.sigil.iam.store;

import io.sigil.iam.model.CredentialReport;
import java.util.Optional;

/** The latest credential report of each account, kept so that every node serves the same one. */
public interface CredentialReportStore {

    Optional<CredentialReport> find(String accountId);

    /** Replaces the account's report. */
    void save(CredentialReport report);
}
