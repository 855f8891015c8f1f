package io.sigil.store;

import io.sigil.store.internal.Dialect;
import io.sigil.store.internal.PostgresConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link MigrationsContract} on PostgreSQL (see {@link TestPostgres}). Each test works in a new schema of its own,
 * made current through the URL's currentSchema, which is where Flyway and the store then work.
 */
class PostgresMigrationsTest extends MigrationsContract {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final List<String> schemas = new ArrayList<>();
    /** The store's own pool (not in auto-commit mode), as JdbcStore hands it to Migrations. */
    private final List<PostgresConnections> pools = new ArrayList<>();

    private static Connection admin() throws SQLException {
        PostgresConfig c = TestPostgres.config();
        return DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
    }

    @Override
    protected DataSource freshDatabase() throws SQLException {
        String schema = "migrations_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        PostgresConfig config = TestPostgres.config();
        String url = config.jdbcUrl() + (config.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        PostgresConnections pool = new PostgresConnections(url, config.user(), config.password(), 2);
        pools.add(pool);
        return pool.dataSource();
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        pools.forEach(PostgresConnections::close);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.executeUpdate("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    /** Columns with types, defaults and collations; indexes and constraints by definition; every relation. */
    @Override
    protected List<String> schema(DataSource db) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(rows(db, "SELECT table_name, column_name, ordinal_position, data_type, character_maximum_length, "
                + "numeric_precision, is_nullable, column_default, collation_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"));
        rows.addAll(rows(db, "SELECT c.relname, c.relkind FROM pg_class c "
                + "WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname"));
        rows.addAll(rows(db, "SELECT tablename, indexname, replace(indexdef, current_schema() || '.', '') AS def "
                + "FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"));
        rows.addAll(rows(db, "SELECT t.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) AS def "
                + "FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
                + "WHERE k.connamespace = current_schema()::regnamespace ORDER BY t.relname, k.conname"));
        return rows;
    }

    @Override
    protected String historyQuery() {
        return "SELECT installed_rank, version, description, type, script, checksum, installed_by, success "
                + "FROM flyway_schema_history ORDER BY installed_rank";
    }
}
