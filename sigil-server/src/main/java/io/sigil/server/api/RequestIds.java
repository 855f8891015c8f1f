package io.sigil.server.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request and audit event ids: version-4 UUIDs, as AWS's {@code RequestId} values are. They need to be unique, not
 * unpredictable — nothing is authorised by knowing one — so they come from {@link ThreadLocalRandom} rather than
 * {@link UUID#randomUUID()}, whose shared SecureRandom is a lock every request took twice (sigil-bench
 * LoadGenerator at 32 connections, JFR monitor-enter events).
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(msb, lsb).toString();
    }
}
