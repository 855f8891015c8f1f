package io.sigil.server.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoSecondsTest {

    @Test
    void theText_isTheInstantsWholeSecondAsInstantWritesIt_whicheverSecondWasAskedBefore() {
        Random random = new Random(20261202);
        long start = Instant.parse("1999-12-31T23:59:58Z").getEpochSecond();
        for (int i = 0; i < 5_000; i++) {
            // consecutive, repeated and far-apart seconds, with fractions, so that the kept text is both reused and
            // replaced
            long second = i % 3 == 0 ? start + i / 3 : random.nextInt(Integer.MAX_VALUE);
            Instant t = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            assertThat(IsoSeconds.of(t)).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS).toString());
            assertThat(IsoSeconds.day(t)).isEqualTo(t.atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
    }

    @Test
    void aSecondWithoutFraction_hasNoFractionInItsText() {
        assertThat(IsoSeconds.of(Instant.parse("2026-12-02T13:03:16.999999999Z"))).isEqualTo("2026-12-02T13:03:16Z");
        assertThat(IsoSeconds.day(Instant.parse("2026-12-31T23:59:59.5Z"))).isEqualTo("2026-12-31");
    }
}
