package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A report job of GenerateServiceLastAccessedDetails (IAM API Reference): who asked for it ("The JobId ... must be
 * used by the same role within a session, or by the same user"), about which user, group, role or managed policy,
 * at which granularity, when it was created and completed, and the report itself in the form
 * {@code io.sigil.iam.service.LastAccessedReport} encodes it.
 *
 * @param callerArn   the ARN of the caller that generated the report: a user, the root user, or the role of a session
 * @param subjectArn  the Arn the report is about
 * @param granularity {@code SERVICE_LEVEL} or {@code ACTION_LEVEL}
 * @param status      {@code IN_PROGRESS}, {@code COMPLETED} or {@code FAILED}
 * @param completed   null while in progress
 * @param report      the encoded report; null unless completed
 */
public record AccessReportJob(String jobId, String accountId, String callerArn, String subjectArn,
                              String granularity, String status, Instant created, Instant completed, String report) {
    public AccessReportJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(callerArn, "callerArn");
        Objects.requireNonNull(subjectArn, "subjectArn");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }
}
