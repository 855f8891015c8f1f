package io.sigil.iam.store;

/** Returned by {@link Store#subscribe}; closing it stops the callbacks. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
