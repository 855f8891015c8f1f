package io.sigil.server.api.accessanalyzer;

import io.sigil.policy.Finding;
import io.sigil.policy.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FindingLocationsTest {
    @Test
    void path_membersAreValues_andArrayPositionsAreIndexes() {
        assertThat(FindingLocations.path("Statement[1].Action[2]")).containsExactly(Map.of("value", "Statement"),
                Map.of("index", 1), Map.of("value", "Action"), Map.of("index", 2));
    }

    @Test
    void path_conditionKeyWithDots_staysOneElement() {
        assertThat(FindingLocations.path("Statement[0].Condition.StringEquals.aws:RequestTag/a.b[3]"))
                .containsExactly(Map.of("value", "Statement"), Map.of("index", 0), Map.of("value", "Condition"),
                        Map.of("value", "StringEquals"), Map.of("value", "aws:RequestTag/a.b"), Map.of("index", 3));
    }

    @Test
    void path_emptyForTheWholeDocument() {
        assertThat(FindingLocations.path("")).isEmpty();
    }

    @Test
    void findingWithoutPosition_hasNoLocation() {
        Finding f = new Finding(Severity.WARNING, "X", "m", "", 0, 0);
        assertThat(FindingLocations.of(f, "{}")).isEmpty();
    }

    @Test
    void positionWithoutSpan_isAZeroWidthSpan_withColumnFromZeroAndOffsetInTheText() {
        String text = "{\n  \"Version\": 1\n}";
        Finding f = new Finding(Severity.ERROR, "E", "m", "Version", 2, 3);
        @SuppressWarnings("unchecked")
        Map<String, Object> loc = (Map<String, Object>) FindingLocations.of(f, text).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> span = (Map<String, Object>) loc.get("span");
        assertThat(span.get("start")).isEqualTo(Map.of("line", 2, "column", 2, "offset", 4));
        assertThat(span.get("end")).isEqualTo(span.get("start"));
        assertThat(text.charAt(4)).isEqualTo('"');
        assertThat(loc.get("path")).isEqualTo(List.of(Map.of("value", "Version")));
    }
}
