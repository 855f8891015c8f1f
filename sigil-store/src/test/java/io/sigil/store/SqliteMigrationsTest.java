package io.sigil.store;

import io.sigil.store.internal.Dialect;
import io.sigil.store.internal.SqliteConnections;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** {@link MigrationsContract} on SQLite files with the store's connection settings. */
class SqliteMigrationsTest extends MigrationsContract {

    @TempDir
    Path dir;
    private int databases;

    @Override
    protected DataSource freshDatabase() {
        return SqliteConnections.dataSource(dir.resolve("db" + ++databases + ".sqlite"));
    }

    @Override
    protected Dialect dialect() {
        return Dialect.SQLITE;
    }

    /** sqlite_master keeps each object's CREATE statement as it was sent (qualifier removed), so text compares. */
    @Override
    protected List<String> schema(DataSource db) throws SQLException {
        return rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    }

    @Override
    protected String historyQuery() {
        return "SELECT installed_rank, typeof(installed_rank), version, typeof(version), description, type, script, "
                + "checksum, typeof(checksum), installed_by, typeof(installed_on), typeof(execution_time), success, "
                + "typeof(success) FROM flyway_schema_history ORDER BY installed_rank";
    }
}
