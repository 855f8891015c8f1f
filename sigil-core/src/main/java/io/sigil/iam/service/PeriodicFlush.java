package io.sigil.iam.service;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background writer of the recorders that keep the request path free of database writes (access-key last use,
 * last accessed data): a daemon thread runs {@code flush} every {@code interval}; a failed round is logged and
 * left to the next one (the recorder keeps what it could not write). {@link #close} stops the thread, waiting up
 * to ten seconds for a round in progress, and then flushes once more in the caller's thread, where a failure
 * propagates.
 */
final class PeriodicFlush implements AutoCloseable {
    private final ScheduledExecutorService thread;
    private final Runnable flush;
    private final String failure;

    /**
     * @param threadName what the thread is called
     * @param failure    the warning logged when a background round fails
     */
    PeriodicFlush(String threadName, Duration interval, Runnable flush, String failure) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the flush interval is positive: " + interval);
        }
        this.flush = Objects.requireNonNull(flush, "flush");
        this.failure = failure;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::inBackground, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void inBackground() {
        try {
            flush.run();
        } catch (RuntimeException e) {
            // Looked up only here: the JDK's logging starts up at the first System.getLogger, a few milliseconds of
            // every server start when it sat in a static field (sigil-bench's ColdStart).
            System.getLogger(PeriodicFlush.class.getName()).log(System.Logger.Level.WARNING, failure, e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        flush.run();
    }
}
