package io.sigil.iam.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Durable storage of IAM entities (DESIGN.md, "Storage"). Every read and write happens inside a transaction:
 * {@link #inTransaction} commits when the function returns and rolls back, writing nothing, when it throws.
 *
 * <p>A function given to {@link #inTransaction} may be run more than once when the database reports a
 * serialization failure or deadlock, so it must have no effect outside the {@link Tx}. After the commit, a
 * {@link ChangeEvent} per written entity goes to every subscriber of this store, and on PostgreSQL to every other
 * node sharing the database.
 *
 * <p>Errors are {@link io.sigil.iam.error.IamException}s; database failures become {@code ServiceFailure}.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in a read-write transaction and commits. */
    <T> T inTransaction(Function<Tx, T> work);

    /** Runs {@code work} in a read-write transaction and commits. */
    default void write(Consumer<Tx> work) {
        inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Runs {@code work} in a read-only transaction: one consistent snapshot, any write fails. */
    <T> T read(Function<Tx, T> work);

    /**
     * Calls {@code listener} with each committed change: on SQLite those of this process, on PostgreSQL those of
     * every node (this one's included, possibly twice). Callbacks run on a store thread and must be quick.
     */
    Subscription subscribe(Consumer<ChangeEvent> listener);

    /** "sqlite" or "postgresql". */
    String dialect();

    @Override
    void close();
}
