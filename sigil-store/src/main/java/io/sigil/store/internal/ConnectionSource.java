package io.sigil.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out connections with a transaction already begun, and takes them back. */
public interface ConnectionSource extends AutoCloseable {

    /** A connection inside a new read-write ({@code write}) or read-only transaction. */
    Connection begin(boolean write) throws SQLException;

    void commit(Connection c) throws SQLException;

    /** Rolls back, ignoring errors (the connection may already be broken). */
    void rollback(Connection c);

    /**
     * The kept prepared statements of a connection from {@link #begin}, or null where the driver or pool keeps its
     * own (PostgreSQL's driver prepares server-side after a few uses of the same SQL).
     */
    default StatementCache statements(Connection c) {
        return null;
    }

    /** Returns a connection obtained from {@link #begin}, after commit or rollback. */
    void release(Connection c, boolean write);

    @Override
    void close();
}
