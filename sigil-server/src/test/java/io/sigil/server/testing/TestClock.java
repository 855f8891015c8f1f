package io.sigil.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real UTC clock plus an offset that tests move. Clients keep signing with the real time, so the server's
 * SigV4 clock-skew window (15 minutes) bounds how far a test may move it: within ±14 minutes every request still
 * verifies.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void set(Duration newOffset) {
        offset.set(newOffset);
    }

    public void reset() {
        set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
