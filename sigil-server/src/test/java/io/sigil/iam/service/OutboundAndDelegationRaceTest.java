package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.DelegationPermissions;
import io.sigil.iam.model.DelegationState;
import io.sigil.iam.sts.OutboundFederationService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Racing account-level and delegation changes: each decision is taken on a row read under a lock or checked by
 * version, so of two racers exactly one wins and the other gets AWS's error for the state it lost to.
 */
class OutboundAndDelegationRaceTest {

    @TempDir
    Path dir;

    /** Runs both calls at once; the error codes of those that failed ("" for a success). */
    private static List<String> race(Callable<?> a, Callable<?> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (Callable<?> c : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        c.call();
                        return "";
                    } catch (IamException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> f : results) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoRacingEnables_oneSucceeds_andTheOtherIsFeatureEnabled() throws Exception {
        try (ServiceFixture f = new ServiceFixture(dir, Limits.AWS_DEFAULTS)) {
            OutboundFederationService s = new OutboundFederationService(f.store, ServiceFixture.CLOCK,
                    () -> "http://127.0.0.1:1");
            List<String> codes = race(() -> s.enable(ServiceFixture.ACCOUNT), () -> s.enable(ServiceFixture.ACCOUNT));
            assertThat(codes).containsExactlyInAnyOrder("", "FeatureEnabled");
        }
    }

    @Test
    void twoRacingAccepts_oneSucceeds_andTheOtherFindsTheRequestDecided() throws Exception {
        try (ServiceFixture f = new ServiceFixture(dir, Limits.AWS_DEFAULTS)) {
            DelegationService s = new DelegationService(f.store, ServiceFixture.CLOCK);
            Principal partner = Principal.root(ServiceFixture.OTHER_ACCOUNT, "AKIAPARTNER000000001");
            Principal owner = Principal.root(ServiceFixture.ACCOUNT, "AKIAOWNER00000000001");
            String id = s.create(partner, new DelegationService.NewRequest(ServiceFixture.ACCOUNT, "d",
                    new DelegationPermissions("arn:aws:iam::aws:policy/ReadOnlyAccess", List.of()), null, "wf-race",
                    null, "arn:aws:sns:us-east-1:1:t", 900, false)).delegationRequestId();
            s.associate(owner, id);
            List<String> codes = race(() -> {
                s.accept(owner, id);
                return null;
            }, () -> {
                s.accept(owner, id);
                return null;
            });
            assertThat(codes).contains("").hasSize(2);
            assertThat(codes).filteredOn(c -> !c.isEmpty()).singleElement()
                    .isIn("InvalidInput", "ConcurrentModification");
            assertThat(s.get(owner, id).state()).isEqualTo(DelegationState.ACCEPTED);
        }
    }
}
