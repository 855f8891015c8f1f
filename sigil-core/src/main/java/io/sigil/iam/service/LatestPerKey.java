package io.sigil.iam.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * What a recorder that keeps the request path free of database writes (LastUsedRecorder, AccessTracking) holds
 * until its background writer runs: the latest value per key. The request path merges without a lock beyond the
 * map's bin and without I/O; a flush takes everything out for one write, and puts it back when that write fails,
 * merged with whatever arrived meanwhile, so that a later value is never lost to a failed round.
 */
final class LatestPerKey<K, V> {
    private final ConcurrentHashMap<K, V> pending = new ConcurrentHashMap<>();
    private final BinaryOperator<V> later;
    private final Object flushLock = new Object();

    /** @param later of two values for one key, the one to keep */
    LatestPerKey(BinaryOperator<V> later) {
        this.later = Objects.requireNonNull(later, "later");
    }

    /**
     * Keeps the later of {@code value} and what is pending for {@code key}. When the merge would keep what is there
     * (a busy caller repeats the same second thousands of times), it is skipped: a merge locks the map's bin, which
     * every request of that caller contends for (sigil-bench's LoadGenerator, JFR thread-park events).
     */
    void merge(K key, V value) {
        V current = pending.get(key);
        if (current != null && later.apply(current, value).equals(current)) {
            return;
        }
        pending.merge(key, value, later);
    }

    int size() {
        return pending.size();
    }

    /**
     * Takes every pending value out and hands them to {@code write} as one batch; flushes do not overlap.
     *
     * @return how many values were written (0, without calling {@code write}, when none was pending)
     * @throws RuntimeException the failure of {@code write}; the batch is pending again
     */
    int flush(Consumer<Map<K, V>> write) {
        synchronized (flushLock) {
            Map<K, V> batch = new LinkedHashMap<>();
            for (K key : pending.keySet()) {
                V value = pending.remove(key);
                if (value != null) {
                    batch.put(key, value);
                }
            }
            if (batch.isEmpty()) {
                return 0;
            }
            try {
                write.accept(batch);
            } catch (RuntimeException e) {
                batch.forEach(this::merge);
                throw e;
            }
            return batch.size();
        }
    }
}
