package io.sigil.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections: one writer guarded by a fair lock (SQLite allows one writer at a time; queueing in Java
 * instead of on SQLITE_BUSY keeps latency fair and errors away), plus read-only readers that WAL lets run beside
 * the writer and beside each other. Transactions are begun by hand ({@code BEGIN IMMEDIATE} for the writer) with
 * the driver in auto-commit mode, so no lock is held between transactions.
 *
 * <p>Readers: a lock-free pool that opens another reader whenever every open one is busy, up to
 * {@link #MAX_READERS}, and keeps them. A small fixed pool behind a blocking queue made request threads queue on
 * the queue's lock and on each other: on two cores, a thread preempted while holding a reader (or the lock) stalled
 * the rest for a scheduling quantum, which was most of the load test's p99 (sigil-bench's LoadGenerator with JFR's
 * thread-park events). A reader costs a file handle and a lazily filled page cache.
 *
 * <p>Durability: WAL with {@code synchronous=FULL}, so a committed transaction survives a crash or power loss
 * (sqlite.org, "Write-Ahead Logging" and "PRAGMA synchronous"). A scratch file, deleted when the server stops
 * ({@code --ephemeral}), is opened with {@code synchronous=OFF} instead: no fsync, since nothing in it is meant to
 * outlive the process; transactions stay atomic and isolated.
 */
public final class SqliteConnections implements ConnectionSource {

    /** At most this many readers are opened; past it, a transaction waits for one to come back. */
    static final int MAX_READERS = 64;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final SQLiteDataSource dataSource;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final ConcurrentLinkedQueue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final AtomicInteger openedReaders = new AtomicInteger();
    private final List<Connection> all = new CopyOnWriteArrayList<>();
    /** Each connection's kept statements, BEGIN and COMMIT among them. */
    private final Map<Connection, StatementCache> caches = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SqliteConnections(Path file) throws SQLException {
        this(dataSource(file));
    }

    /** Connections from {@code dataSource}, one of {@link #dataSource(Path, boolean)}'s. */
    public SqliteConnections(SQLiteDataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        writer = dataSource.getConnection();
        all.add(writer);
        caches.put(writer, new StatementCache(writer));
        openedReaders.incrementAndGet();
        idleReaders.add(openReader());
    }

    /** The settings every connection to a Sigil SQLite file gets, Flyway's included. */
    public static SQLiteDataSource dataSource(Path file) {
        return dataSource(file, true);
    }

    /** The same for a durable file or a scratch one (see the class comment). */
    public static SQLiteDataSource dataSource(Path file, boolean durable) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(durable ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.OFF);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // SQLite's "multi-thread" mode: no mutex of its own around every call on a connection. The driver already
        // serialises each connection's calls (its DB methods and statement pointers synchronise on the connection),
        // and this class hands a connection to one thread at a time; the mutex was taken and released once per
        // column read, ~6% of a ListUsers call's CPU (sigil-bench's DispatchBenchmark, async-profiler).
        // https://sqlite.org/threadsafe.html
        config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    /** Opens a reader for a slot already counted in {@link #openedReaders} (given back if the open fails). */
    private Connection openReader() throws SQLException {
        Connection r;
        try {
            r = dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            openedReaders.decrementAndGet();
            throw e;
        }
        try {
            exec(r, "PRAGMA query_only = ON");
        } catch (SQLException e) {
            r.close();
            openedReaders.decrementAndGet();
            throw e;
        }
        caches.put(r, new StatementCache(r));
        all.add(r);
        return r;
    }

    @Override
    public Connection begin(boolean write) throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
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
        Connection r = takeReader();
        try {
            run(r, "BEGIN");
            return r;
        } catch (SQLException | RuntimeException e) {
            idleReaders.add(r);
            throw e;
        }
    }

    /** An idle reader; a new one while under the cap; else the first to come back. */
    private Connection takeReader() throws SQLException {
        Connection r = idleReaders.poll();
        if (r != null) {
            return r;
        }
        for (int n = openedReaders.get(); n < MAX_READERS; n = openedReaders.get()) {
            if (openedReaders.compareAndSet(n, n + 1)) {
                return openReader();
            }
        }
        while ((r = idleReaders.poll()) == null) {
            if (closed || Thread.currentThread().isInterrupted()) {
                throw new SQLException("interrupted while waiting for a read connection");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
        return r;
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
            idleReaders.add(c);
        }
    }

    /** How many readers are open (tests). */
    int readerCount() {
        return openedReaders.get();
    }

    @Override
    public void close() {
        closed = true;
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
