package io.sigil.iam.service;

import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import io.sigil.iam.store.Tx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/** A store for the background recorders' tests: counts write transactions; can be told to fail the next one. */
final class CountingStore implements Store {
    final Store delegate;
    final AtomicInteger writes = new AtomicInteger();
    final AtomicBoolean failNext = new AtomicBoolean();

    CountingStore(Store delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Function<Tx, T> work) {
        if (failNext.getAndSet(false)) {
            throw new IllegalStateException("database down");
        }
        writes.incrementAndGet();
        return delegate.inTransaction(work);
    }

    @Override
    public <T> T read(Function<Tx, T> work) {
        return delegate.read(work);
    }

    @Override
    public Subscription subscribe(Consumer<ChangeEvent> listener) {
        return delegate.subscribe(listener);
    }

    @Override
    public String dialect() {
        return delegate.dialect();
    }

    @Override
    public void close() {
    }
}
