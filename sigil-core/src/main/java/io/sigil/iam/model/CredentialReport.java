package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A generated credential report of an account (IAM User Guide, "Getting credential reports for your AWS account";
 * spec §5.6): the CSV as GetCredentialReport returns it, and when it was made.
 */
public record CredentialReport(String accountId, Instant generatedAt, String csv) {

    public CredentialReport {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(csv, "csv");
    }
}
