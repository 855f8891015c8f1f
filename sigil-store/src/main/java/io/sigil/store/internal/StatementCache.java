package io.sigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The prepared statements of one SQLite connection, kept open between transactions: compiling the SQL was half
 * the store's time on a simple read (sigil-bench's DispatchBenchmark), and SQLite's own advice is to prepare once
 * and reset (sqlite.org, "The SQLite Bytecode Engine" / {@code sqlite3_reset}). The driver resets a statement when
 * its result set is closed and after an update, so a kept statement holds no read snapshot between uses.
 *
 * <p>Not thread-safe: a connection, and so its cache, is used by one transaction at a time (the connection source's
 * lock or queue gives the hand-over its happens-before). Least recently used statements beyond {@link #MAX} are
 * closed; the SQL that reaches here is the store's own constant text, so the set stays small.
 */
public final class StatementCache {
    static final int MAX = 256;

    private final Connection connection;
    private final Set<String> inUse = new HashSet<>();
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > MAX && !inUse.contains(eldest.getKey())) {
                close(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    public StatementCache(Connection connection) {
        this.connection = connection;
    }

    /**
     * The kept statement for {@code sql}, prepared on first use, marked in use until {@link #release}; null while
     * it is already in use (a row mapper that runs the same query again), for the caller to prepare its own.
     */
    PreparedStatement acquire(String sql) throws SQLException {
        if (!inUse.add(sql)) {
            return null;
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            try {
                ps = connection.prepareStatement(sql);
            } catch (SQLException | RuntimeException e) {
                inUse.remove(sql);
                throw e;
            }
            statements.put(sql, ps);
        }
        return ps;
    }

    /** Ends a use; {@code failed} drops the statement, so that the next use starts from a fresh one. */
    void release(String sql, boolean failed) {
        inUse.remove(sql);
        if (failed) {
            PreparedStatement ps = statements.remove(sql);
            if (ps != null) {
                close(ps);
            }
        }
    }

    /** Runs a statement without parameters or rows, e.g. BEGIN, with its kept statement. */
    public void execute(String sql) throws SQLException {
        PreparedStatement kept = acquire(sql);
        if (kept == null) { // in use already (not for BEGIN or COMMIT, which a transaction runs once each)
            try (PreparedStatement once = connection.prepareStatement(sql)) {
                once.execute();
            }
            return;
        }
        boolean failed = true;
        try {
            kept.execute();
            failed = false;
        } finally {
            release(sql, failed);
        }
    }

    /** How many statements are kept. */
    int size() {
        return statements.size();
    }

    /** Closes every kept statement (before the connection itself is closed). */
    public void clear() {
        statements.values().forEach(StatementCache::close);
        statements.clear();
    }

    private static void close(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the statement is being dropped anyway
        }
    }
}
