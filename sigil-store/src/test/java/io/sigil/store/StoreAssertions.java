package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.error.IamException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on IAM errors and a starting gate for races, shared by the store tests. */
final class StoreAssertions {

    private StoreAssertions() {
    }

    static IamException iamError(ThrowingCallable call) {
        IamException e = catchThrowableOfType(IamException.class, call);
        assertThat(e).as("expected an IamException").isNotNull();
        return e;
    }

    static void assertIamError(ThrowingCallable call, String code, String message) {
        IamException e = iamError(call);
        assertThat(e.code()).isEqualTo(code);
        if (message != null) {
            assertThat(e.safeMessage()).isEqualTo(message);
        }
    }

    /** Runs {@code n} tasks released together; each outcome is the result or the exception thrown. */
    static List<Object> race(int n, IntFunction<Object> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.apply(index);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
