package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.PolicyOwnerKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a last accessed report reads back exactly as written. */
class LastAccessedReportTest {

    @Test
    void encodeThenDecode_givesTheSameReport_withAbsentMembersStillAbsent() {
        Instant t = Instant.parse("2026-03-01T10:15:30Z");
        String arn = "arn:aws:iam::123456789012:user/dev/-";
        LastAccessedReport report = new LastAccessedReport(List.of(
                new LastAccessedReport.Service("iam", "AWS Identity and Access Management (IAM)", t, arn,
                        "us-east-1", 2, List.of(new LastAccessedReport.TrackedAction("GetUser", t, arn,
                                "us-east-1"))),
                new LastAccessedReport.Service("s3", "Amazon S3", null, null, null, 0, List.of()),
                new LastAccessedReport.Service("sts", "AWS Security Token Service", t, arn, "us-east-1", 1,
                        List.of())),
                List.of(new AccessSubject.Entity(PolicyOwnerKind.USER, "AIDAEXAMPLE", "-", "/dev/", arn),
                        new AccessSubject.Entity(PolicyOwnerKind.ROLE, "AROAEXAMPLE", "r", "/", "arn:aws:iam::"
                                + "123456789012:role/r")),
                List.of(new LastAccessedReport.Use("iam", "AIDAEXAMPLE", t)));

        assertThat(LastAccessedReport.decode(report.encode())).isEqualTo(report);
    }

    @Test
    void anEmptyReport_readsBackEmpty() {
        LastAccessedReport empty = new LastAccessedReport(List.of(), List.of(), List.of());
        assertThat(LastAccessedReport.decode(empty.encode())).isEqualTo(empty);
    }
}
