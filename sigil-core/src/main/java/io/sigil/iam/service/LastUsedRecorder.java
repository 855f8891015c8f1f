package io.sigil.iam.service;

import io.sigil.iam.model.AccessKeyLastUsed;
import io.sigil.iam.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Records the last use of access keys for GetAccessKeyLastUsed ("the date and time, in ISO 8601 date-time format,
 * when the access key was most recently used", the service namespace and the Region of that request; IAM API
 * Reference, "AccessKeyLastUsed"; spec §5.4).
 *
 * <p>The request path calls {@link #record} after every authenticated call; that only merges the use into an
 * in-memory map (keeping the latest use per key) and never touches the database, so it never blocks on I/O and never
 * throws. A background thread writes what has accumulated, in one transaction per round, every {@code interval}
 * (one second by default): however busy a key is, it costs at most one write per interval. {@link #close} stops the
 * thread and writes what is left. A round that fails is logged and its uses are kept for the next round, unless a
 * later use of the same key has arrived meanwhile.
 *
 * <p>Uses are recorded to the second. The region recorded is what the caller passes (the request context
 * builder decides how a signing region such as {@code aws-global} maps to the region AWS would report).
 */
public final class LastUsedRecorder implements AutoCloseable {

    /** The least time between two writes of one key's last use. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    /** What GetAccessKeyLastUsed shows for a service or Region it does not know. */
    public static final String NOT_AVAILABLE = "N/A";


    private final Store store;
    private final LatestPerKey<String, AccessKeyLastUsed> pending = new LatestPerKey<>(LastUsedRecorder::later);
    private final PeriodicFlush flusher;
    private volatile boolean closed;

    public LastUsedRecorder(Store store) {
        this(store, DEFAULT_INTERVAL);
    }

    public LastUsedRecorder(Store store, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.flusher = new PeriodicFlush("sigil-last-used", interval, this::flush,
                "could not record access key last use; will retry");
    }

    /**
     * Notes that {@code accessKeyId} signed a request at {@code when} to {@code serviceName} (a namespace such as
     * {@code iam}, {@code sts}) in {@code region}. Null service or region is recorded as "N/A". Uses after
     * {@link #close} are ignored.
     */
    public void record(String accessKeyId, Instant when, String serviceName, String region) {
        if (closed || accessKeyId == null || when == null) {
            return;
        }
        AccessKeyLastUsed use = new AccessKeyLastUsed(when.truncatedTo(ChronoUnit.SECONDS),
                orNotAvailable(serviceName), orNotAvailable(region));
        pending.merge(accessKeyId, use);
    }

    /** Uses recorded but not yet written. */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Writes every pending use now, in one transaction.
     *
     * @return how many keys were written
     * @throws RuntimeException the store's failure; the uses stay pending
     */
    public int flush() {
        return pending.flush(batch -> store.write(tx -> batch.forEach((id, use) ->
                tx.accessKeys().recordUse(id, use))));
    }

    /** Stops the background writer and writes what is pending. */
    @Override
    public void close() {
        closed = true;
        flusher.close();
    }


    private static AccessKeyLastUsed later(AccessKeyLastUsed a, AccessKeyLastUsed b) {
        return b.date().isBefore(a.date()) ? a : b;
    }

    private static String orNotAvailable(String s) {
        return s == null || s.isBlank() ? NOT_AVAILABLE : s;
    }
}
