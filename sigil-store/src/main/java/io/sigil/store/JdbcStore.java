package io.sigil.store;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.error.IamException;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import io.sigil.iam.store.Tx;
import io.sigil.store.internal.ChangeBus;
import io.sigil.store.internal.ConnectionSource;
import io.sigil.store.internal.Db;
import io.sigil.store.internal.DbException;
import io.sigil.store.internal.Dialect;
import io.sigil.store.internal.JdbcTx;
import io.sigil.store.internal.Migrations;
import io.sigil.store.internal.PgListener;
import io.sigil.store.internal.PostgresConnections;
import io.sigil.store.internal.SqliteConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The JDBC {@link Store}: SQLite (one file, the embedded default) or PostgreSQL (shared by many nodes).
 *
 * <p>Each call runs one database transaction. Write transactions that lose a race the database detects
 * (deadlock, serialization failure, SQLite busy) are re-run up to {@value #MAX_ATTEMPTS} times. On PostgreSQL each
 * change event is sent with {@code pg_notify} inside the transaction, which PostgreSQL delivers only on commit; a
 * listener thread on every node turns notifications back into events.
 */
public final class JdbcStore implements Store {

    /** The SQLite file name inside the data directory. */
    public static final String SQLITE_FILE = "sigil.db";
    private static final int MAX_ATTEMPTS = 3;
    // The JDK's platform logger (java.util.logging unless configured otherwise), which the server's own messages use
    // too: the server ships SLF4J's no-op binding for Jetty, Flyway and HikariCP, which would drop these. Looked up
    // where it logs, not in a static field, so that a start, which logs nothing, does not start the logging.
    private static System.Logger log() {
        return System.getLogger(JdbcStore.class.getName());
    }

    private final Dialect dialect;
    private final ConnectionSource connections;
    private final SecretBox secretBox;
    private final Limits limits;
    private final ChangeBus bus = new ChangeBus();
    private final PgListener listener;

    private JdbcStore(Dialect dialect, ConnectionSource connections, SecretBox secretBox, Limits limits,
            PgListener.Connector listenerConnector) {
        this.dialect = dialect;
        this.connections = connections;
        this.secretBox = secretBox;
        this.limits = limits;
        if (listenerConnector != null) {
            this.listener = new PgListener(listenerConnector, bus::publish);
            this.listener.start();
        } else {
            this.listener = null;
        }
    }

    /** Opens (creating and migrating as needed) the SQLite database in {@code file}. */
    public static JdbcStore sqlite(Path file, SecretBox secretBox, Limits limits) {
        return sqlite(file, secretBox, limits, true);
    }

    /**
     * The same, for a durable file or ({@code durable} false) a scratch one that is deleted when the process stops,
     * as {@code --ephemeral}'s: its commits skip fsync (see {@link SqliteConnections}).
     */
    public static JdbcStore sqlite(Path file, SecretBox secretBox, Limits limits, boolean durable) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            SQLiteDataSource dataSource = SqliteConnections.dataSource(file, durable);
            Migrations.migrate(dataSource, Dialect.SQLITE);
            return new JdbcStore(Dialect.SQLITE, new SqliteConnections(dataSource), secretBox, limits, null);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open the SQLite store at " + file, e);
        }
    }

    /** Connects to PostgreSQL, migrates the schema and starts listening for other nodes' changes. */
    public static JdbcStore postgres(PostgresConfig config, SecretBox secretBox, Limits limits) {
        PostgresConnections pool = new PostgresConnections(config.jdbcUrl(), config.user(), config.password(),
                config.maxPoolSize());
        try {
            Migrations.migrate(pool.dataSource(), Dialect.POSTGRESQL);
            return new JdbcStore(Dialect.POSTGRESQL, pool, secretBox, limits,
                    () -> DriverManager.getConnection(config.jdbcUrl(), listenerProperties(config)));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The listener's connection is named, so operators (and a test) can find it in pg_stat_activity. */
    private static Properties listenerProperties(PostgresConfig config) {
        Properties p = new Properties();
        if (config.user() != null) {
            p.setProperty("user", config.user());
        }
        if (config.password() != null) {
            p.setProperty("password", config.password());
        }
        p.setProperty("ApplicationName", PgListener.APPLICATION_NAME);
        return p;
    }

    @Override
    public <T> T inTransaction(Function<Tx, T> work) {
        return run(true, work);
    }

    @Override
    public <T> T read(Function<Tx, T> work) {
        return run(false, work);
    }

    private <T> T run(boolean write, Function<Tx, T> work) {
        for (int attempt = 1; ; attempt++) {
            Attempt<T> a = attempt(write, work);
            if (a.retry && attempt < MAX_ATTEMPTS) {
                continue;
            }
            if (a.failure != null) {
                throw failure(write, a.failure);
            }
            bus.publish(a.events);
            return a.result;
        }
    }

    private record Attempt<T>(T result, Set<ChangeEvent> events, SQLException failure, boolean retry) {
    }

    private <T> Attempt<T> attempt(boolean write, Function<Tx, T> work) {
        Connection c;
        try {
            c = connections.begin(write);
        } catch (SQLException e) {
            return new Attempt<>(null, null, e, dialect.isRetryable(e));
        }
        boolean committed = false;
        try {
            JdbcTx tx = new JdbcTx(new Db(c, connections.statements(c)), dialect, secretBox, limits);
            T result = work.apply(tx);
            if (write && dialect == Dialect.POSTGRESQL) {
                for (ChangeEvent e : tx.events()) {
                    tx.notify(PgListener.CHANNEL, e.payload());
                }
            }
            connections.commit(c);
            committed = true;
            return new Attempt<>(result, tx.events(), null, false);
        } catch (DbException e) {
            return new Attempt<>(null, null, e.sql(), dialect.isRetryable(e.sql()));
        } catch (SQLException e) {
            return new Attempt<>(null, null, e, dialect.isRetryable(e));
        } finally {
            if (!committed) {
                connections.rollback(c);
            }
            connections.release(c, write);
        }
    }

    private RuntimeException failure(boolean write, SQLException e) {
        if (!write && isReadOnlyViolation(e)) {
            return new IllegalStateException("a write was attempted in a read-only transaction", e);
        }
        if (dialect.isRetryable(e)) {
            return IamException.concurrentModification("The request was rejected because multiple requests to "
                    + "change this object were submitted simultaneously. Wait a few minutes and submit your "
                    + "request again.");
        }
        log().log(System.Logger.Level.ERROR, "store transaction failed", e);
        return IamException.serviceFailure(e);
    }

    private boolean isReadOnlyViolation(SQLException e) {
        return "25006".equals(e.getSQLState()) || (e instanceof SQLiteException s
                && s.getResultCode().code == SQLiteErrorCode.SQLITE_READONLY.code);
    }

    @Override
    public Subscription subscribe(Consumer<ChangeEvent> listener) {
        return bus.subscribe(listener);
    }

    @Override
    public String dialect() {
        return dialect.id();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        connections.close();
    }
}
