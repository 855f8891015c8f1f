package io.sigil.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections: one writer guarded by a fair lock (SQLite allows one writer at a time; queueing in Java
 * instead of on SQLITE_BUSY keeps latency fair and errors away), plus a few read-only readers that WAL lets run
 * beside the writer. Transactions are begun by hand ({@code BEGIN IMMEDIATE} for the writer) with the driver in
 * auto-commit mode, so no lock is held between transactions.
 *
 * <p>Durability: WAL with {@code synchronous=FULL}, so a committed transaction survives a crash or power loss
 * (sqlite.org, "Write-Ahead Logging" and "PRAGMA synchronous").
 */
public final class SqliteConnections implements ConnectionSource {

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> all = new ArrayList<>();
    /** Each connection's kept statements, BEGIN and COMMIT among them; filled before the first transaction. */
    private final Map<Connection, StatementCache> caches = new IdentityHashMap<>();

    public SqliteConnections(Path file) throws SQLException {
        SQLiteDataSource ds = dataSource(file);
        writer = ds.getConnection();
        all.add(writer);
        caches.put(writer, new StatementCache(writer));
        for (int i = 0; i < READERS; i++) {
            Connection r = ds.getConnection();
            exec(r, "PRAGMA query_only = ON");
            all.add(r);
            caches.put(r, new StatementCache(r));
            readers.add(r);
        }
    }

    /** The settings every connection to a Sigil SQLite file gets, Flyway's included. */
    public static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    @Override
    public Connection begin(boolean write) throws SQLException {
        if (write) {
            writeLock.lock();
            try {
                run(writer, "BEGIN IMMEDIATE");
                return writer;
            } catch (SQLException | RuntimeException e) {
                writeLock.unlock();
                throw e;
            }
        }
        Connection r;
        try {
            r = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a read connection", e);
        }
        try {
            run(r, "BEGIN");
            return r;
        } catch (SQLException | RuntimeException e) {
            readers.add(r);
            throw e;
        }
    }

    @Override
    public void commit(Connection c) throws SQLException {
        run(c, "COMMIT");
    }

    @Override
    public void rollback(Connection c) {
        try {
            run(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction open (commit succeeded or BEGIN failed)
        }
    }

    @Override
    public StatementCache statements(Connection c) {
        return caches.get(c);
    }

    @Override
    public void release(Connection c, boolean write) {
        if (write) {
            writeLock.unlock();
        } else {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (Connection c : all) {
                caches.get(c).clear();
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs a transaction-control statement with the connection's kept statement for it. */
    private void run(Connection c, String sql) throws SQLException {
        caches.get(c).execute(sql);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
