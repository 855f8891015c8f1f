package io.sigil.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * PostgreSQL connections from a HikariCP pool. Writes run in READ COMMITTED and take row locks
 * ({@code SELECT … FOR UPDATE}) where a check and a write must be atomic; reads run in REPEATABLE READ, read-only,
 * so one read sees one snapshot.
 */
public final class PostgresConnections implements ConnectionSource {

    private final HikariDataSource pool;

    public PostgresConnections(String jdbcUrl, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sigil-pg");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("ApplicationName", "sigil");
        pool = new HikariDataSource(config);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Connection begin(boolean write) throws SQLException {
        Connection c = pool.getConnection();
        try {
            if (!write) {
                c.setReadOnly(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public void commit(Connection c) throws SQLException {
        c.commit();
    }

    @Override
    public void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the pool discards broken connections
        }
    }

    /** Hikari restores read-only and isolation to the pool defaults on return. */
    @Override
    public void release(Connection c, boolean write) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // returned or evicted either way
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
