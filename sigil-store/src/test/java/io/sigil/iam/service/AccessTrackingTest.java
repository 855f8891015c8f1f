package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.as;
import static io.sigil.iam.service.ServiceFixture.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.model.AccessRecord;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AccessTracking: maxima in memory, written in batches, idempotent, never on the request path. */
class AccessTrackingTest {

    private static final Duration LONG = Duration.ofHours(1);
    private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private User alice;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        alice = fx.user("alice");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<AccessRecord> stored() {
        return fx.store.read(tx -> tx.accessRecords().forEntities(ACCOUNT, List.of(alice.id()), Instant.EPOCH));
    }

    @Test
    void record_writesNothingUntilAFlush_thenOneRowPerEntityServiceAndAction() {
        try (AccessTracking tracking = new AccessTracking(fx.store, LONG)) {
            tracking.record(as(alice), "iam:ListUsers", "us-east-1", NOW);
            tracking.record(as(alice), "iam:ListUsers", "us-east-1", NOW.minusSeconds(5));
            tracking.record(as(alice), "s3:ListAllMyBuckets", "eu-west-1", NOW);

            assertThat(tracking.pendingCount()).isEqualTo(2);
            assertThat(stored()).isEmpty();
            assertThat(tracking.flush()).isEqualTo(2);
            assertThat(stored()).containsExactlyInAnyOrder(
                    new AccessRecord(ACCOUNT, PolicyOwnerKind.USER, alice.id(), alice.arn(), "iam", "ListUsers", T,
                            "us-east-1"),
                    new AccessRecord(ACCOUNT, PolicyOwnerKind.USER, alice.id(), alice.arn(), "s3",
                            "ListAllMyBuckets", T, "eu-west-1"));
        }
    }

    @Test
    void pendingAttempts_areKeyedByEntityServiceAndAction_eachOfWhichCounts() {
        User bob = fx.user("bob");
        try (AccessTracking tracking = new AccessTracking(fx.store, LONG)) {
            tracking.record(as(alice), "iam:GetUser", "us-east-1", NOW);
            tracking.record(as(alice), "iam:GetUser", "eu-west-1", NOW);
            assertThat(tracking.pendingCount()).isEqualTo(1);
            tracking.record(as(alice), "iam:ListUsers", "us-east-1", NOW);
            tracking.record(as(alice), "sts:GetUser", "us-east-1", NOW);
            tracking.record(as(bob), "iam:GetUser", "us-east-1", NOW);

            assertThat(tracking.pendingCount()).isEqualTo(4);
        }
    }

    @Test
    void record_keepsTheLatestAttempt_whateverTheOrderOfArrival_andAcrossFlushes() {
        try (AccessTracking tracking = new AccessTracking(fx.store, LONG)) {
            tracking.record(as(alice), "iam:GetUser", "us-west-2", NOW.plusSeconds(60));
            tracking.flush();
            tracking.record(as(alice), "iam:GetUser", "us-east-1", NOW);
            tracking.flush();
        }
        assertThat(stored()).singleElement().satisfies(r -> {
            assertThat(r.lastAccessed()).isEqualTo(T.plusSeconds(60));
            assertThat(r.region()).isEqualTo("us-west-2");
        });
    }

    @Test
    void theRootUser_isNotTracked() {
        try (AccessTracking tracking = new AccessTracking(fx.store, LONG)) {
            tracking.record(root(), "iam:ListUsers", "us-east-1", NOW);
            assertThat(tracking.pendingCount()).isZero();
        }
    }

    @Test
    void malformedActionsAndBlankArguments_areIgnored() {
        try (AccessTracking tracking = new AccessTracking(fx.store, LONG)) {
            tracking.record(as(alice), "ListUsers", "us-east-1", NOW);
            tracking.record(as(alice), "iam:", "us-east-1", NOW);
            tracking.record(as(alice), "iam:GetUser", null, NOW);
            tracking.record(as(alice), "iam:GetUser", "us-east-1", null);
            assertThat(tracking.pendingCount()).isZero();
        }
    }

    @Test
    void aFailedWrite_keepsTheAttemptsForTheNextRound() {
        CountingStore failingOnce = new CountingStore(fx.store);
        failingOnce.failNext.set(true);
        try (AccessTracking tracking = new AccessTracking(failingOnce, LONG)) {
            tracking.record(as(alice), "iam:GetUser", "us-east-1", NOW);

            assertThatThrownBy(tracking::flush).hasMessageContaining("database down");
            assertThat(tracking.pendingCount()).isEqualTo(1);
            assertThat(tracking.flush()).isEqualTo(1);
        }
        assertThat(stored()).hasSize(1);
    }

    @Test
    void record_neverTouchesTheStore_andCloseWritesWhatIsPendingInOneTransaction() {
        CountingStore counting = new CountingStore(fx.store);
        try (AccessTracking tracking = new AccessTracking(counting, LONG)) {
            for (int i = 0; i < 10_000; i++) {
                tracking.record(as(alice), "iam:GetUser", "us-east-1", NOW.plusSeconds(i));
            }
            assertThat(counting.writes.get()).isZero();
        }
        assertThat(counting.writes.get()).isEqualTo(1);
        assertThat(stored()).singleElement().extracting(AccessRecord::lastAccessed).isEqualTo(T.plusSeconds(9_999));
    }

    @Test
    void theBackgroundWriter_flushesWithoutBeingAsked() throws Exception {
        try (AccessTracking tracking = new AccessTracking(fx.store, Duration.ofMillis(20))) {
            tracking.record(as(alice), "iam:GetUser", "us-east-1", NOW);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (stored().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(stored()).hasSize(1);
        }
    }

    @Test
    void attemptsAfterClose_areIgnored() {
        AccessTracking tracking = new AccessTracking(fx.store, LONG);
        tracking.close();
        tracking.record(as(alice), "iam:GetUser", "us-east-1", NOW);
        assertThat(tracking.pendingCount()).isZero();
    }
}
