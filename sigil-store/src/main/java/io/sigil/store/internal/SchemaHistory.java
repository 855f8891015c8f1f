package io.sigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Flyway's schema history table, {@code flyway_schema_history}, read and written the way flyway-core 13 and
 * flyway-database-postgresql 13 do it: the same DDL (their {@code getRawCreateScript}, without baseline or
 * tablespace, which Sigil does not configure), the same columns and values, the same lock on PostgreSQL. Table and
 * index names are Flyway's defaults; Flyway works in the connection's current schema ({@code main} on SQLite).
 */
final class SchemaHistory {

    static final String NAME = "flyway_schema_history";

    /**
     * The base of Flyway's advisory lock key on PostgreSQL (PostgreSQLAdvisoryLockTemplate), to which it adds the
     * hash code of the quoted table name. A writer of the history holds it, so that nodes started together neither
     * both create the schema nor create it while Flyway migrates.
     */
    private static final long FLYWAY_LOCK_BASE = 77431708279161L;

    /** Flyway's PostgreSQLSchema.doEmpty: no table, view, sequence, type or function outside extensions. */
    private static final String PG_SCHEMA_EMPTY = """
            SELECT NOT EXISTS (
                SELECT c.oid FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_depend d ON d.objid = c.oid AND d.deptype = 'e'
                WHERE  n.nspname = ? AND d.objid IS NULL AND c.relkind IN ('r', 'v', 'S', 't')
              UNION ALL
                SELECT t.oid FROM pg_catalog.pg_type t
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN pg_catalog.pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
                WHERE n.nspname = ? AND d.objid IS NULL AND t.typcategory NOT IN ('A', 'C')
              UNION ALL
                SELECT p.oid FROM pg_catalog.pg_proc p
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                LEFT JOIN pg_catalog.pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
                WHERE n.nspname = ? AND d.objid IS NULL
            )""";

    private final Dialect dialect;
    private final String schema;
    /** The quoted, schema-qualified table name, as Flyway's Table.toString() writes it. */
    private final String table;
    /** Flyway's installed_by: the database user on PostgreSQL, empty on SQLite (SQLiteDatabase.doGetCurrentUser). */
    private final String installedBy;

    private SchemaHistory(Dialect dialect, String schema, String installedBy) {
        this.dialect = dialect;
        this.schema = schema;
        this.table = quote(schema) + "." + quote(NAME);
        this.installedBy = installedBy;
    }

    /**
     * The history in the connection's current schema; empty on PostgreSQL when no schema is current (a search_path
     * naming no existing schema), which is Flyway's to handle.
     */
    static Optional<SchemaHistory> of(Connection c, Dialect dialect) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return Optional.of(new SchemaHistory(dialect, "main", ""));
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema(), current_user")) {
            rs.next();
            String schema = rs.getString(1);
            return schema == null ? Optional.empty() : Optional.of(new SchemaHistory(dialect, schema, rs.getString(2)));
        }
    }

    /** Flyway's quoting, the same for both dialects: in double quotes, a double quote doubled. */
    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The rows in installed order, or empty when there is no history table. */
    Optional<List<AppliedMigration>> read(Connection c) throws SQLException {
        String sql = "SELECT installed_rank, version, description, type, script, checksum, success FROM " + table
                + " ORDER BY installed_rank";
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.wasNull() ? null : checksum, rs.getBoolean(7)));
            }
        } catch (SQLException e) {
            if (isUndefinedTable(e)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(List.copyOf(rows));
    }

    private boolean isUndefinedTable(SQLException e) {
        if (dialect == Dialect.POSTGRESQL) {
            return "42P01".equals(e.getSQLState());
        }
        return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_ERROR
                && String.valueOf(s.getMessage()).contains("no such table");
    }

    /**
     * Takes Flyway's lock for the rest of the transaction: PostgreSQL's transaction-level advisory lock conflicts
     * with the session-level one Flyway holds while it migrates. On SQLite, BEGIN IMMEDIATE already serialises
     * writers.
     */
    void lock(Connection c) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, FLYWAY_LOCK_BASE + table.hashCode());
                ps.executeQuery().close();
            }
        }
    }

    /** Whether the schema holds nothing, as Flyway defines it for a database that it may migrate from scratch. */
    boolean schemaIsEmpty(Connection c) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                return rs.next() && rs.getInt(1) == 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(PG_SCHEMA_EMPTY)) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Creates the table and its index with Flyway's statements. */
    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (dialect == Dialect.SQLITE) {
                s.executeUpdate("CREATE TABLE " + table + " (\n" + columns("INT NOT NULL PRIMARY KEY", "INT",
                        "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now'))", "INT") + ")");
                s.executeUpdate("CREATE INDEX " + quote(schema) + "." + quote(NAME + "_s_idx") + " ON " + quote(NAME)
                        + " (\"success\")");
            } else {
                s.executeUpdate("CREATE TABLE " + table + " (\n" + columns("INT NOT NULL", "INTEGER",
                        "TIMESTAMP NOT NULL DEFAULT now()", "INTEGER") + ")");
                s.executeUpdate("ALTER TABLE " + table + " ADD CONSTRAINT " + quote(NAME + "_pk")
                        + " PRIMARY KEY (\"installed_rank\")");
                s.executeUpdate("CREATE INDEX " + quote(NAME + "_s_idx") + " ON " + table + " (\"success\")");
            }
        }
    }

    /** The column list of Flyway's CREATE TABLE, with the types in which the two dialects' scripts differ. */
    private static String columns(String rank, String checksum, String installedOn, String executionTime) {
        return "    \"installed_rank\" " + rank + ",\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" " + checksum + ",\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" " + installedOn + ",\n"
                + "    \"execution_time\" " + executionTime + " NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL\n";
    }

    /** Records {@code script} as applied, as Flyway's JdbcTableSchemaHistory does (installed_on by default). */
    void insert(Connection c, int rank, MigrationScript script, int executionMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (\"installed_rank\", \"version\", "
                + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                + "\"success\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, rank);
            ps.setString(2, script.version());
            ps.setString(3, script.description());
            ps.setString(4, AppliedMigration.SQL);
            ps.setString(5, script.script());
            ps.setInt(6, script.checksum());
            ps.setString(7, installedBy);
            ps.setInt(8, executionMs);
            ps.setBoolean(9, true);
            ps.executeUpdate();
        }
    }
}
