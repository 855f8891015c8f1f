package io.sigil.iam.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
        AccessRecord r = new AccessRecord("123456789012", PolicyOwnerKind.USER, "AIDA1",
                "arn:aws:iam::123456789012:user/a", "iam", "GetUser", T, "us-east-1");

        assertThat(new AccessRecord(r.accountId(), r.entityKind(), r.entityId(), r.entityArn(), r.serviceNamespace(),
                r.action(), r.lastAccessed(), r.region())).isEqualTo(r).hasSameHashCodeAs(r);
        List<AccessRecord> oneComponentOff = List.of(
                new AccessRecord("210987654321", r.entityKind(), r.entityId(), r.entityArn(), r.serviceNamespace(),
                        r.action(), r.lastAccessed(), r.region()),
                new AccessRecord(r.accountId(), PolicyOwnerKind.ROLE, r.entityId(), r.entityArn(),
                        r.serviceNamespace(), r.action(), r.lastAccessed(), r.region()),
                new AccessRecord(r.accountId(), r.entityKind(), "AIDA2", r.entityArn(), r.serviceNamespace(),
                        r.action(), r.lastAccessed(), r.region()),
                new AccessRecord(r.accountId(), r.entityKind(), r.entityId(), "arn:aws:iam::123456789012:user/b",
                        r.serviceNamespace(), r.action(), r.lastAccessed(), r.region()),
                new AccessRecord(r.accountId(), r.entityKind(), r.entityId(), r.entityArn(), "sts", r.action(),
                        r.lastAccessed(), r.region()),
                new AccessRecord(r.accountId(), r.entityKind(), r.entityId(), r.entityArn(), r.serviceNamespace(),
                        "ListUsers", r.lastAccessed(), r.region()),
                new AccessRecord(r.accountId(), r.entityKind(), r.entityId(), r.entityArn(), r.serviceNamespace(),
                        r.action(), T.plusSeconds(1), r.region()),
                new AccessRecord(r.accountId(), r.entityKind(), r.entityId(), r.entityArn(), r.serviceNamespace(),
                        r.action(), r.lastAccessed(), "eu-west-1"));
        assertThat(oneComponentOff).hasSize(8).allSatisfy(other -> assertThat(other).isNotEqualTo(r));
        assertThat(r).isNotEqualTo(null).isNotEqualTo("GetUser");
    }
}
