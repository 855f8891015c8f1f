package io.sigil.server.protocol;

import java.time.Instant;

/**
 * The ISO 8601 text of an instant's whole second, {@code 2026-12-02T13:03:16Z} (what {@code Instant.toString} gives
 * for the instant truncated to seconds), as aws:CurrentTime and CloudTrail's eventTime carry it. The text of the last
 * second asked for is kept: every call formats the time at least twice (its condition keys and its audit event), and
 * {@code DateTimeFormatter} was nearly a third of building a call's condition keys ({@code RequestKeys}) in an
 * async-profiler profile of sigil-bench's DispatchBenchmark.
 */
public final class IsoSeconds {
    /** One immutable pair, so that a reader never sees the text of one second with the number of another. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private IsoSeconds() {
    }

    public static String of(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second s = last;
        if (s.epochSecond() != epochSecond) {
            s = new Second(epochSecond, Instant.ofEpochSecond(epochSecond).toString());
            last = s;
        }
        return s.text();
    }

    /** The UTC day of the instant, {@code 2026-12-02}: the date part of {@link #of}. */
    public static String day(Instant instant) {
        String text = of(instant);
        return text.substring(0, text.indexOf('T'));
    }
}
