package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.store.internal.Dialect;
import io.sigil.store.internal.Migrations;
import io.sigil.store.internal.Migrations.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * {@link Migrations} on one dialect: the start without Flyway leaves what Flyway would have left, and everything
 * it cannot decide alone goes to Flyway. Each test gets a database (or schema) of its own.
 */
abstract class MigrationsContract {

    /** A new, empty database (or schema) for one test. */
    protected abstract DataSource freshDatabase() throws SQLException;

    protected abstract Dialect dialect();

    /** The schema's tables, columns, indexes and constraints as comparable text, without the schema's name. */
    protected abstract List<String> schema(DataSource db) throws SQLException;

    /** The history's columns whose value does not depend on when or how fast, as text (with storage types). */
    protected abstract String historyQuery();

    private Flyway flyway(DataSource db) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration/" + dialect().id()).load();
    }

    private Flyway flywayUpTo(DataSource db, String version) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration/" + dialect().id())
                .target(version).load();
    }

    protected static List<String> rows(DataSource db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    cells.add(md.getColumnLabel(i) + "=" + rs.getString(i));
                }
                rows.add(String.join(", ", cells));
            }
        }
        return rows;
    }

    private static void update(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @Test
    void emptyDatabase_isCreatedWithoutFlyway_andPassesFlywayValidation() throws SQLException {
        DataSource db = freshDatabase();

        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.CREATED_WITHOUT_FLYWAY);

        Flyway flyway = flyway(db);
        flyway.validate();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).hasSize(11).allMatch(m -> m.getState().isApplied());
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void emptyDatabase_getsTheSchemaAndHistoryRowsFlywayWouldWrite() throws SQLException {
        DataSource byFlyway = freshDatabase();
        flyway(byFlyway).migrate();
        DataSource withoutFlyway = freshDatabase();

        Migrations.migrate(withoutFlyway, dialect());

        assertThat(schema(withoutFlyway)).isNotEmpty().containsExactlyElementsOf(schema(byFlyway));
        assertThat(rows(withoutFlyway, historyQuery())).hasSize(11).containsExactlyElementsOf(rows(byFlyway, historyQuery()));
    }

    @Test
    void databaseMigratedByFlyway_isUpToDateWithoutRunningFlyway() throws SQLException {
        DataSource db = freshDatabase();
        flyway(db).migrate();

        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void databaseCreatedWithoutFlyway_isUpToDateOnTheNextStart() throws SQLException {
        DataSource db = freshDatabase();
        Migrations.migrate(db, dialect());

        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void databaseAtAnOlderVersion_isMigratedByFlyway() throws SQLException {
        DataSource db = freshDatabase();
        flywayUpTo(db, "7").migrate();

        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.MIGRATED_BY_FLYWAY);

        assertThat(flyway(db).info().pending()).isEmpty();
        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.UP_TO_DATE);
    }

    @Test
    void tamperedChecksum_isLeftToFlyway_whichFailsValidation() throws SQLException {
        DataSource db = freshDatabase();
        Migrations.migrate(db, dialect());
        update(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

        assertThatThrownBy(() -> Migrations.migrate(db, dialect())).isInstanceOf(FlywayException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("2");
    }

    @Test
    void failedMigrationRow_isLeftToFlyway_whichRefusesToMigrate() throws SQLException {
        DataSource db = freshDatabase();
        Migrations.migrate(db, dialect());
        update(db, "UPDATE flyway_schema_history SET success = " + (dialect() == Dialect.SQLITE ? "0" : "FALSE")
                + " WHERE version = '11'");

        assertThatThrownBy(() -> Migrations.migrate(db, dialect())).isInstanceOf(FlywayException.class)
                .hasMessageContaining("failed migration");
    }

    @Test
    void historyRowWithoutChecksum_isLeftToFlyway() throws SQLException {
        DataSource db = freshDatabase();
        Migrations.migrate(db, dialect());
        update(db, "UPDATE flyway_schema_history SET checksum = NULL WHERE version = '3'");

        // Flyway itself lets a row without a checksum pass (as it does for a baseline).
        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.MIGRATED_BY_FLYWAY);
    }

    @Test
    void historyWithAVersionNewerThanTheBundledScripts_isLeftToFlyway() throws SQLException {
        DataSource db = freshDatabase();
        Migrations.migrate(db, dialect());
        update(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) VALUES (12, '99', 'from the future', 'SQL', "
                + "'V99__from_the_future.sql', 1, 'x', 0, " + (dialect() == Dialect.SQLITE ? "1" : "TRUE") + ")");

        // Flyway ignores applied migrations newer than its own by default (ignoreMigrationPatterns "*:future").
        assertThat(Migrations.migrate(db, dialect())).isEqualTo(Outcome.MIGRATED_BY_FLYWAY);
    }

    @Test
    void twoStartsAtOnceOnAnEmptyDatabase_createItOnce_andTheOtherFindsItMade() throws Exception {
        DataSource db = freshDatabase();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(starts.submit(() -> {
                    go.await();
                    return Migrations.migrate(db, dialect());
                }));
            }
            go.countDown();
            List<Outcome> done = new ArrayList<>();
            for (Future<Outcome> f : outcomes) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }

            assertThat(done).containsOnlyOnce(Outcome.CREATED_WITHOUT_FLYWAY);
        } finally {
            starts.shutdownNow();
        }
        flyway(db).validate();
        assertThat(rows(db, historyQuery())).hasSize(11);
    }

    @Test
    void nonEmptySchemaWithoutHistory_isLeftToFlyway_whichRefusesIt() throws SQLException {
        DataSource db = freshDatabase();
        update(db, "CREATE TABLE unrelated (id INTEGER PRIMARY KEY)");

        assertThatThrownBy(() -> Migrations.migrate(db, dialect())).isInstanceOf(FlywayException.class)
                .hasMessageContaining("non-empty schema");
        assertThat(schema(db)).noneMatch(row -> row.contains("flyway_schema_history"));
    }
}
