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

    /** Flyway's SQLiteDatabase.getRawCreateScript; {schema} and {table} stand for quoted names. */
    private static final String SQLITE_CREATE = """
            CREATE TABLE {schema}.{table} (
                "installed_rank" INT NOT NULL PRIMARY KEY,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INT,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
                "execution_time" INT NOT NULL,
                "success" BOOLEAN NOT NULL
            );
            CREATE INDEX {schema}."flyway_schema_history_s_idx" ON {table} ("success");""";

    /** Flyway's PostgreSQLDatabase.getRawCreateScript. */
    private static final String POSTGRESQL_CREATE = """
            CREATE TABLE {schema}.{table} (
                "installed_rank" INT NOT NULL,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INTEGER,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
                "execution_time" INTEGER NOT NULL,
                "success" BOOLEAN NOT NULL
            );
            ALTER TABLE {schema}.{table} ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
            CREATE INDEX "flyway_schema_history_s_idx" ON {schema}.{table} ("success");""";

    /** Flyway's Database.getInsertStatement: installed_on takes its default. */
    private static final String INSERT = """
            INSERT INTO {schema}.{table} ("installed_rank", "version", "description", "type", "script", "checksum", \
            "installed_by", "execution_time", "success") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String SELECT = """
            SELECT installed_rank, version, description, type, script, checksum, success FROM {schema}.{table} \
            ORDER BY installed_rank""";

    private final Dialect dialect;
    private final String schema;
    /** Flyway's installed_by: the database user on PostgreSQL, empty on SQLite (SQLiteDatabase.doGetCurrentUser). */
    private final String installedBy;

    private SchemaHistory(Dialect dialect, String schema, String installedBy) {
        this.dialect = dialect;
        this.schema = schema;
        this.installedBy = installedBy;
    }

    /**
     * The statement with the quoted names in place. (replace, not string concatenation: each new shape of a
     * concatenation costs its invokedynamic bootstrap at start, which the class-data-sharing archive does not keep.)
     */
    private String sql(String template) {
        return template.replace("{schema}", quote(schema)).replace("{table}", quote(NAME));
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
        return "\"".concat(identifier.replace("\"", "\"\"")).concat("\"");
    }

    /** The rows in installed order, or empty when there is no history table. */
    Optional<List<AppliedMigration>> read(Connection c) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql(SELECT))) {
            while (rs.next()) {
                int value = rs.getInt(6);
                Integer checksum = rs.wasNull() ? null : value;
                rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), checksum, rs.getBoolean(7)));
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
                ps.setLong(1, FLYWAY_LOCK_BASE + sql("{schema}.{table}").hashCode());
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

    /** Creates the table and its index with Flyway's statements, one at a time. */
    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : sql(dialect == Dialect.SQLITE ? SQLITE_CREATE : POSTGRESQL_CREATE).split(";\n")) {
                s.executeUpdate(statement);
            }
        }
    }

    /** Records {@code script} as applied, as Flyway's JdbcTableSchemaHistory does (installed_on by default). */
    void insert(Connection c, int rank, MigrationScript script, int executionMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql(INSERT))) {
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
