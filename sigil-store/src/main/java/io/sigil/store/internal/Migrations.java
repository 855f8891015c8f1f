package io.sigil.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the migrations of the dialect (db/migration/sqlite or postgresql), with
 * Flyway whenever there is something to decide.
 *
 * <p>Why not always Flyway: its class initialisation and its SQL parser, interpreted at that point of a start,
 * took ~400 of the ~1,150 ms from exec to the first answered call of a server on a fresh SQLite file (sigil-bench's
 * ColdStart), and a restart paid most of that again to learn that nothing was pending. So the two cases in which
 * Flyway has nothing to decide go without it, and leave the database exactly as Flyway would:
 * <ul>
 * <li>an empty schema: the scripts run in version order with plain JDBC in one transaction, and the history table
 *     gets Flyway's DDL and rows (same checksums, descriptions, script names, installed_by), so that a later start,
 *     {@code Flyway.validate()} or a later Flyway migration sees an ordinary history;</li>
 * <li>a history that lists every bundled script, each applied successfully with its current checksum, and nothing
 *     else: one SELECT.</li>
 * </ul>
 * Everything else (pending scripts, a failed or unknown row, a checksum mismatch, a non-empty schema without a
 * history, or any error on the way) goes to Flyway as before, so upgrades and errors behave as they always did.
 */
public final class Migrations {

    /** What {@link #migrate} did. */
    public enum Outcome {
        /** The schema was empty; the scripts and their history rows were written without Flyway. */
        CREATED_WITHOUT_FLYWAY,
        /** The history already recorded every bundled script; nothing ran. */
        UP_TO_DATE,
        /** Flyway migrated (or validated and found nothing to do, or failed and threw). */
        MIGRATED_BY_FLYWAY
    }

    // See JdbcStore.log().
    private static System.Logger log() {
        return System.getLogger(Migrations.class.getName());
    }

    private Migrations() {
    }

    public static Outcome migrate(DataSource dataSource, Dialect dialect) {
        List<MigrationScript> scripts = BundledMigrations.load(dialect);
        // Flyway replaces placeholders in a script before it runs and checksums it; only Flyway can do that.
        if (scripts.stream().noneMatch(MigrationScript::hasPlaceholders)) {
            Optional<Outcome> done = withoutFlyway(dataSource, dialect, scripts);
            if (done.isPresent()) {
                return done.get();
            }
        }
        flyway(dataSource, dialect);
        return Outcome.MIGRATED_BY_FLYWAY;
    }

    /** The outcome when Flyway has nothing to decide, else empty. */
    private static Optional<Outcome> withoutFlyway(DataSource dataSource, Dialect dialect,
            List<MigrationScript> scripts) {
        try (Connection c = dataSource.getConnection()) {
            // The store's PostgreSQL pool hands out connections outside auto-commit mode; there, the SELECT that
            // finds no history table would abort the transaction in which the schema is then created.
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                return decide(c, dialect, scripts);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            // Flyway meets the same database next and says what is wrong in its own words, as before.
            log().log(System.Logger.Level.WARNING,
                    "checking or creating the schema without Flyway failed; Flyway takes over", e);
            return Optional.empty();
        }
    }

    private static Optional<Outcome> decide(Connection c, Dialect dialect, List<MigrationScript> scripts)
            throws SQLException {
        Optional<SchemaHistory> history = SchemaHistory.of(c, dialect);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<AppliedMigration>> applied = history.get().read(c);
        if (applied.isPresent()) {
            return isUpToDate(applied.get(), scripts) ? Optional.of(Outcome.UP_TO_DATE) : Optional.empty();
        }
        return createIfEmpty(c, dialect, history.get(), scripts)
                ? Optional.of(Outcome.CREATED_WITHOUT_FLYWAY) : Optional.empty();
    }

    /** Each bundled script recorded once, in order, as applied successfully with its checksum; no other row. */
    static boolean isUpToDate(List<AppliedMigration> applied, List<MigrationScript> scripts) {
        if (applied.size() != scripts.size()) {
            return false;
        }
        for (int i = 0; i < scripts.size(); i++) {
            if (!applied.get(i).records(scripts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies every script and records it, in one transaction that holds Flyway's lock; false, with nothing
     * changed, when the schema turns out not to be empty (another node or process got there first).
     */
    private static boolean createIfEmpty(Connection c, Dialect dialect, SchemaHistory history,
            List<MigrationScript> scripts) throws SQLException {
        Transaction tx = Transaction.begin(c, dialect);
        try {
            history.lock(c);
            if (!history.schemaIsEmpty(c)) {
                return false;
            }
            history.create(c);
            try (Statement s = c.createStatement()) {
                int rank = 1;
                for (MigrationScript script : scripts) {
                    long start = System.nanoTime();
                    tx.runScript(s, script.sql());
                    history.insert(c, rank++, script, (int) ((System.nanoTime() - start) / 1_000_000));
                }
            }
            tx.commit();
            return true;
        } finally {
            tx.end();
        }
    }

    /**
     * A transaction on a connection in auto-commit mode. SQLite's is begun by hand with BEGIN IMMEDIATE, so that
     * the emptiness check already holds the write lock (the driver would begin a deferred one); PostgreSQL's by
     * leaving auto-commit, its DDL being transactional.
     */
    private static final class Transaction {
        private final Connection c;
        private final Dialect dialect;
        private boolean committed;

        private Transaction(Connection c, Dialect dialect) {
            this.c = c;
            this.dialect = dialect;
        }

        static Transaction begin(Connection c, Dialect dialect) throws SQLException {
            if (dialect == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("BEGIN IMMEDIATE");
                }
            } else {
                c.setAutoCommit(false);
            }
            return new Transaction(c, dialect);
        }

        /**
         * Runs a whole script, several statements: the SQLite driver's executeUpdate hands it to sqlite3_exec,
         * which runs them all (its execute would run only the first); PostgreSQL's driver splits it itself.
         */
        void runScript(Statement s, String sql) throws SQLException {
            if (dialect == Dialect.SQLITE) {
                s.executeUpdate(sql);
            } else {
                s.execute(sql);
            }
        }

        void commit() throws SQLException {
            if (dialect == Dialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("COMMIT");
                }
            } else {
                c.commit();
            }
            committed = true;
        }

        /**
         * Rolls back unless committed, and leaves the connection in auto-commit mode again. Never throws, so as not
         * to hide the failure that led here; a connection that cannot roll back is closed next, which ends the
         * transaction anyway.
         */
        void end() {
            try {
                if (dialect == Dialect.SQLITE) {
                    if (!committed) {
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("ROLLBACK");
                        }
                    }
                } else {
                    if (!committed) {
                        c.rollback();
                    }
                    c.setAutoCommit(true);
                }
            } catch (SQLException e) {
                log().log(System.Logger.Level.DEBUG, "ending the migration transaction failed", e);
            }
        }
    }

    /** Flyway as before: it migrates what is pending, validates what was applied, and throws on what is wrong. */
    private static void flyway(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.id())
                .load()
                .migrate();
    }
}
