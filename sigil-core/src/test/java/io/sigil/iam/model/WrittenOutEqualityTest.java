package io.sigil.iam.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The records whose equals and hashCode are written out keep a record's contract: every component counts. */
class WrittenOutEqualityTest {

    private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void accessKeyLastUsed_isEqualExactlyWhenDateServiceAndRegionAre() {
        AccessKeyLastUsed u = new AccessKeyLastUsed(T, "iam", "us-east-1");

        assertThat(new AccessKeyLastUsed(T, "iam", "us-east-1")).isEqualTo(u).hasSameHashCodeAs(u);
        assertThat(new AccessKeyLastUsed(T.plusSeconds(1), "iam", "us-east-1")).isNotEqualTo(u);
        assertThat(new AccessKeyLastUsed(T, "sts", "us-east-1")).isNotEqualTo(u);
        assertThat(new AccessKeyLastUsed(T, "iam", "N/A")).isNotEqualTo(u);
        assertThat(u).isNotEqualTo(null).isNotEqualTo("iam");
    }

    @Test
    void accessRecord_isEqualExactlyWhenEveryComponentIs() {
        AccessRecord r = record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a",
                "iam", "GetUser", T, "us-east-1");

        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a", "iam",
                "GetUser", T, "us-east-1")).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(record("210987654321", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a", "iam",
                "GetUser", T, "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.ROLE, "AIDA1", "arn:aws:iam::123456789012:user/a", "iam",
                "GetUser", T, "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA2", "arn:aws:iam::123456789012:user/a", "iam",
                "GetUser", T, "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/b", "iam",
                "GetUser", T, "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a", "sts",
                "GetUser", T, "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a", "iam",
                "ListUsers", T, "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a", "iam",
                "GetUser", T.plusSeconds(1), "us-east-1")).isNotEqualTo(r);
        assertThat(record("123456789012", PolicyOwnerKind.USER, "AIDA1", "arn:aws:iam::123456789012:user/a", "iam",
                "GetUser", T, "eu-west-1")).isNotEqualTo(r);
        assertThat(r).isNotEqualTo(null).isNotEqualTo("GetUser");
    }

    private static AccessRecord record(String account, PolicyOwnerKind kind, String id, String arn, String service,
                                       String action, Instant at, String region) {
        return new AccessRecord(account, kind, id, arn, service, action, at, region);
    }
}
