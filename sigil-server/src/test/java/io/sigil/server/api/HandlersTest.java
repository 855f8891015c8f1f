package io.sigil.server.api;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlersTest {
    private static final String GET_USER = GetUserRequest.class.getName();
    private static final String LIST_USERS = ListUsersRequest.class.getName();

    /** A module of two operations that counts its registrations. */
    private static final class CountingModule implements ApiModule {
        final AtomicInteger registrations = new AtomicInteger();

        @Override
        public void register(Handlers handlers) {
            registrations.incrementAndGet();
            handlers.on(GetUserRequest.class, (q, call) -> GetUserResponse.builder().build())
                    .on(ListUsersRequest.class, (q, call) -> ListUsersResponse.builder().isTruncated(false).build());
        }
    }

    @Test
    void aDeferredModule_isKnownAtOnce_butRegistersOnlyAtTheFirstCallOfOneOfItsOperations() {
        CountingModule module = new CountingModule();
        Handlers handlers = new Handlers();
        handlers.defer(module, List.of(GET_USER, LIST_USERS));

        assertThat(handlers.has(GetUserRequest.class)).isTrue();
        assertThat(handlers.has(ListUsersRequest.class)).isTrue();
        assertThat(module.registrations).hasValue(0);

        assertThat(handlers.invoke(ListUsersRequest.builder().build(), null))
                .containsInstanceOf(ListUsersResponse.class);
        assertThat(handlers.invoke(GetUserRequest.builder().build(), null)).containsInstanceOf(GetUserResponse.class);
        assertThat(module.registrations).hasValue(1);
        assertThat(handlers.registeredRequestClasses()).containsExactly(GET_USER, LIST_USERS);
    }

    @Test
    void concurrentFirstCalls_registerTheModuleOnce_andAllFindTheirHandler() throws Exception {
        CountingModule module = new CountingModule();
        Handlers handlers = new Handlers();
        handlers.defer(module, List.of(GET_USER, LIST_USERS));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean get = i % 2 == 0;
                calls.add(pool.submit(() -> {
                    go.await();
                    return handlers.invoke(get ? GetUserRequest.builder().build() : ListUsersRequest.builder().build(),
                            null).isPresent();
                }));
            }
            go.countDown();
            for (Future<Boolean> c : calls) {
                assertThat(c.get(10, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(module.registrations).hasValue(1);
    }

    @Test
    void aRequestNoModuleHandles_findsNoHandler() {
        Handlers handlers = new Handlers();
        handlers.defer(new CountingModule(), List.of(GET_USER));
        assertThat(handlers.has(ListUsersRequest.class)).isFalse();
        assertThat(handlers.invoke(ListUsersRequest.builder().build(), null)).isEmpty();
    }

    @Test
    void oneRequestClass_cannotBeDeferredToTwoModules_norRegisteredTwice() {
        Handlers handlers = new Handlers();
        handlers.defer(new CountingModule(), List.of(GET_USER));
        assertThatThrownBy(() -> handlers.defer(new CountingModule(), List.of(GET_USER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(GET_USER);
        Handlers eager = new Handlers();
        new CountingModule().register(eager);
        assertThatThrownBy(() -> new CountingModule().register(eager)).isInstanceOf(IllegalStateException.class);
    }
}
