package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.DelegationPermissions;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.model.DelegationState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationServiceTest {

    private static DelegationPermissions params(DelegationPermissions.Parameter... p) {
        return new DelegationPermissions("arn:aws:iam::aws:policy/X", List.of(p));
    }

    @Test
    void fill_replacesEachStringParameterPlaceholderWithItsFirstValue() {
        String doc = "{\"Resource\":\"arn:aws:s3:::${Bucket}/*\",\"Other\":\"${Bucket}\"}";
        assertThat(DelegationService.fill(doc, params(new DelegationPermissions.Parameter("Bucket", "string",
                List.of("b1", "b2"))))).isEqualTo("{\"Resource\":\"arn:aws:s3:::b1/*\",\"Other\":\"b1\"}");
    }

    @Test
    void fill_leavesStringListParameters_parametersWithoutValues_andUnknownPlaceholdersAsWritten() {
        String doc = "{\"A\":\"${Regions}\",\"B\":\"${Empty}\",\"C\":\"${Unknown}\"}";
        assertThat(DelegationService.fill(doc, params(
                new DelegationPermissions.Parameter("Regions", "stringList", List.of("r1")),
                new DelegationPermissions.Parameter("Empty", "string", List.of())))).isEqualTo(doc);
    }

    @Test
    void aRequestPastItsExpirationTime_readsExpired_whateverItsStoredState() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        DelegationRequest r = new DelegationRequest("dr-1234567890abcdef", "111122223333", "wf", null, null, "d",
                null, params(), "{}", null, "arn:aws:sns:us-east-1:1:t", 900, false, DelegationState.ASSIGNED, t,
                t, t.plusSeconds(60), null, null, null, null, null, null, new byte[] {1, 2, 3}, null, 0);
        assertThat(r.stateAt(t.plusSeconds(59))).isEqualTo(DelegationState.ASSIGNED);
        assertThat(r.stateAt(t.plusSeconds(60))).isEqualTo(DelegationState.EXPIRED);
        assertThat(r.toString()).as("the token secret is never printed").doesNotContain("[1, 2, 3]")
                .doesNotContain("tradeInSecret");
    }
}
