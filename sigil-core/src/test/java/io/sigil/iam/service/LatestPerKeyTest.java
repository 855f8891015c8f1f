package io.sigil.iam.service;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pending values of a recorder: the later per key, as the recorder's own rule decides ties. */
class LatestPerKeyTest {
    private record Use(int second, String region) {}

    private static Map<String, Use> flushed(LatestPerKey<String, Use> pending) {
        Map<String, Use> out = new HashMap<>();
        pending.flush(out::putAll);
        return out;
    }

    @Test
    void aTieWonByTheNewValue_replacesWhatIsPending_andAnEqualValueLeavesIt() {
        LatestPerKey<String, Use> pending = new LatestPerKey<>((a, b) -> b.second() < a.second() ? a : b);
        pending.merge("k", new Use(10, "us-east-1"));
        pending.merge("k", new Use(10, "us-east-1"));
        pending.merge("k", new Use(10, "eu-west-1"));
        pending.merge("k", new Use(9, "ap-south-1"));

        assertThat(flushed(pending)).containsExactly(Map.entry("k", new Use(10, "eu-west-1")));
    }

    @Test
    void aTieWonByThePendingValue_keepsIt_andOnlyALaterValueReplacesIt() {
        LatestPerKey<String, Use> pending = new LatestPerKey<>((a, b) -> b.second() > a.second() ? b : a);
        pending.merge("k", new Use(10, "us-east-1"));
        pending.merge("k", new Use(10, "eu-west-1"));
        assertThat(flushed(pending)).containsExactly(Map.entry("k", new Use(10, "us-east-1")));

        pending.merge("k", new Use(10, "us-east-1"));
        pending.merge("k", new Use(11, "eu-west-1"));
        assertThat(flushed(pending)).containsExactly(Map.entry("k", new Use(11, "eu-west-1")));
    }
}
