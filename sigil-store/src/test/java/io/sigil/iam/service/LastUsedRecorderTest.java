package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.model.AccessKeyLastUsed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LastUsedRecorder: coalesced in memory, written in the background, flushed on close (spec §5.4). */
class LastUsedRecorderTest {

    private static final Duration LONG = Duration.ofHours(1);

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private AccessKeyService keys;
    private String keyId;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        keys = new AccessKeyService(fx.store, fx.clock);
        keyId = keys.create(root(), null).key().id();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private AccessKeyLastUsed lastUsed() {
        return keys.lastUsed(root(), keyId).lastUsed();
    }

    @Test
    void record_writesNothingUntilAFlush() {
        try (LastUsedRecorder recorder = new LastUsedRecorder(fx.store, LONG)) {
            recorder.record(keyId, NOW, "iam", "us-east-1");

            assertThat(recorder.pendingCount()).isEqualTo(1);
            assertThat(lastUsed()).isNull();
            assertThat(recorder.flush()).isEqualTo(1);
            assertThat(lastUsed()).isEqualTo(new AccessKeyLastUsed(Instant.parse("2026-03-01T10:15:30Z"), "iam",
                    "us-east-1"));
            assertThat(recorder.pendingCount()).isZero();
        }
    }

    @Test
    void record_keepsTheLatestUseOfAKey_whateverTheOrderOfArrival() {
        try (LastUsedRecorder recorder = new LastUsedRecorder(fx.store, LONG)) {
            recorder.record(keyId, NOW, "iam", "us-east-1");
            recorder.record(keyId, NOW.plusSeconds(60), "sts", "us-east-1");
            recorder.record(keyId, NOW.plusSeconds(30), "iam", "eu-west-1");

            assertThat(recorder.flush()).isEqualTo(1);
            assertThat(lastUsed().serviceName()).isEqualTo("sts");
            assertThat(lastUsed().date()).isEqualTo(Instant.parse("2026-03-01T10:16:30Z"));
        }
    }

    @Test
    void record_withoutServiceOrRegion_recordsNotAvailable() {
        try (LastUsedRecorder recorder = new LastUsedRecorder(fx.store, LONG)) {
            recorder.record(keyId, NOW, null, " ");
            recorder.flush();

            assertThat(lastUsed().serviceName()).isEqualTo("N/A");
            assertThat(lastUsed().region()).isEqualTo("N/A");
        }
    }

    @Test
    void flush_ofADeletedKey_isHarmless() {
        try (LastUsedRecorder recorder = new LastUsedRecorder(fx.store, LONG)) {
            recorder.record("AKIAIOSFODNN7EXAMPLE", NOW, "iam", "us-east-1");

            assertThat(recorder.flush()).isEqualTo(1);
        }
    }

    @Test
    void close_writesWhatIsPending_andLaterUsesAreIgnored() {
        LastUsedRecorder recorder = new LastUsedRecorder(fx.store, LONG);
        recorder.record(keyId, NOW, "iam", "us-east-1");

        recorder.close();
        recorder.record(keyId, NOW.plusSeconds(5), "sts", "us-east-1");

        assertThat(lastUsed().serviceName()).isEqualTo("iam");
        assertThat(recorder.pendingCount()).isZero();
    }

    @Test
    void backgroundWriter_writesWithinAFewIntervals() throws Exception {
        try (LastUsedRecorder recorder = new LastUsedRecorder(fx.store, Duration.ofMillis(20))) {
            recorder.record(keyId, NOW, "iam", "us-east-1");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (lastUsed() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(lastUsed()).isNotNull();
        }
    }

    @Test
    void backgroundWriter_writesABusyKeyAtMostOncePerInterval() throws Exception {
        CountingStore counting = new CountingStore(fx.store);
        Duration interval = Duration.ofMillis(100);
        long started = System.nanoTime();
        try (LastUsedRecorder recorder = new LastUsedRecorder(counting, interval)) {
            for (int i = 0; System.nanoTime() - started < Duration.ofMillis(550).toNanos(); i++) {
                recorder.record(keyId, NOW.plusSeconds(i), "iam", "us-east-1");
                Thread.sleep(1);
            }
        }
        long elapsed = System.nanoTime() - started;
        // One write per elapsed interval, plus the final flush on close.
        assertThat(counting.writes.get()).isBetween(2, (int) (elapsed / interval.toNanos()) + 1);
        assertThat(lastUsed()).isNotNull();
    }

    @Test
    void aFailedWrite_keepsTheUsesForTheNextRound() {
        CountingStore failingOnce = new CountingStore(fx.store);
        failingOnce.failNext.set(true);
        try (LastUsedRecorder recorder = new LastUsedRecorder(failingOnce, LONG)) {
            recorder.record(keyId, NOW, "iam", "us-east-1");

            assertThatThrownBy(recorder::flush).hasMessageContaining("database down");
            assertThat(recorder.pendingCount()).isEqualTo(1);
            assertThat(recorder.flush()).isEqualTo(1);
            assertThat(lastUsed()).isNotNull();
        }
    }

    @Test
    void record_neverTouchesTheStore() {
        CountingStore counting = new CountingStore(fx.store);
        counting.failNext.set(true);
        try (LastUsedRecorder recorder = new LastUsedRecorder(counting, LONG)) {
            for (int i = 0; i < 10_000; i++) {
                recorder.record(keyId, NOW.plusSeconds(i), "iam", "us-east-1");
            }
            assertThat(counting.writes.get()).isZero();
            counting.failNext.set(false);
        }
        assertThat(counting.writes.get()).isEqualTo(1);
    }
}
