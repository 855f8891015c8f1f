package io.sigil.iam.service;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.CredentialReport;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * GenerateCredentialReport and GetCredentialReport (IAM API Reference; IAM User Guide, "Getting credential reports
 * for your AWS account"; spec §5.6, §10 H83). "If a report exists and is less than four hours old, it is returned;
 * otherwise a new one is generated" — here a report is made at once, in one read transaction, so the first
 * GenerateCredentialReport answers {@code STARTED} ("No report exists. Starting a new report generation task", the
 * API Reference's sample) and the report is ready; a later one within four hours answers {@code COMPLETE} and keeps
 * the report. GetCredentialReport answers ReportNotPresent before the first report and ReportExpired once the
 * latest is four hours old.
 */
public final class CredentialReportService {

    /** A report is reused, and served, for four hours. */
    public static final Duration REPORT_LIFETIME = Duration.ofHours(4);
    public static final String STARTED_DESCRIPTION = "No report exists. Starting a new report generation task";

    private final Store store;
    private final Clock clock;
    private final java.util.function.Function<Tx, LoginFacts> loginFacts;

    /** A service whose password and MFA columns come from the store: login profiles, password policy, MFA devices. */
    public CredentialReportService(Store store, Clock clock) {
        this(store, clock, StoredLoginFacts::new);
    }

    /** A service whose password and MFA columns come from {@code login} (tests; {@link LoginFacts#NONE}). */
    public CredentialReportService(Store store, Clock clock, LoginFacts login) {
        this(store, clock, tx -> login);
        Objects.requireNonNull(login, "login");
    }

    private CredentialReportService(Store store, Clock clock, java.util.function.Function<Tx, LoginFacts> facts) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.loginFacts = facts;
    }

    /** GenerateCredentialReport's answer: {@code STARTED} with a description, or {@code COMPLETE} without one. */
    public record Generation(String state, String description) {
    }

    /** GenerateCredentialReport. */
    public Generation generate(String accountId) {
        Instant now = clock.instant();
        Optional<CredentialReport> latest = store.read(tx -> tx.credentialReports().find(accountId));
        if (latest.isPresent() && fresh(latest.get(), now)) {
            return new Generation("COMPLETE", null);
        }
        String csv = store.read(tx -> build(tx, accountId));
        store.write(tx -> tx.credentialReports().save(new CredentialReport(accountId,
                now.truncatedTo(ChronoUnit.SECONDS), csv)));
        return new Generation("STARTED", STARTED_DESCRIPTION);
    }

    /**
     * GetCredentialReport.
     *
     * @throws IamException ReportNotPresent (410) before any report; ReportExpired (410) when the latest is four
     *     hours old
     */
    public CredentialReport get(String accountId) {
        CredentialReport report = store.read(tx -> tx.credentialReports().find(accountId))
                .orElseThrow(() -> new IamException(ErrorCode.CREDENTIAL_REPORT_NOT_PRESENT, ""));
        if (!fresh(report, clock.instant())) {
            throw new IamException(ErrorCode.CREDENTIAL_REPORT_EXPIRED, "The most recent credential report has "
                    + "expired. To generate a new credential report, use GenerateCredentialReport.");
        }
        return report;
    }

    private static boolean fresh(CredentialReport report, Instant now) {
        return now.isBefore(report.generatedAt().plus(REPORT_LIFETIME));
    }

    private String build(Tx tx, String accountId) {
        LoginFacts login = loginFacts.apply(tx);
        CredentialReportCsv csv = new CredentialReportCsv();
        csv.row(accountId, null, null, tx.accounts().get(accountId).createDate(), null,
                login.rootPasswordLastUsed(accountId), login.mfaActive(accountId, null),
                tx.accessKeys().list(accountId, null, PageRequest.of(PageRequest.MAX_MAX_ITEMS)).items(),
                tx.signingCertificates().list(accountId, null, PageRequest.of(PageRequest.MAX_MAX_ITEMS)).items());
        PageRequest page = PageRequest.of(PageRequest.MAX_MAX_ITEMS);
        while (page != null) {
            Page<User> users = tx.users().list(accountId, page);
            for (User u : users.items()) {
                csv.row(accountId, u.name(), u.arn(), u.createDate(), login.password(accountId, u).orElse(null), null,
                        login.mfaActive(accountId, u.id()),
                        tx.accessKeys().list(accountId, u.name(), PageRequest.of(PageRequest.MAX_MAX_ITEMS)).items(),
                        tx.signingCertificates().list(accountId, u.id(), PageRequest.of(PageRequest.MAX_MAX_ITEMS))
                                .items());
            }
            page = users.isTruncated() ? page.after(users.nextMarker()) : null;
        }
        return csv.csv();
    }
}
