package io.sigil.store.internal;

/**
 * One row of Flyway's schema history, the columns that say what was applied (not when, by whom or how fast).
 *
 * @param checksum null for rows without one (a baseline, a schema Flyway created)
 */
record AppliedMigration(int installedRank, String version, String description, String type, String script,
        Integer checksum, boolean success) {

    /** The type Flyway records for a versioned SQL migration. */
    static final String SQL = "SQL";

    /** Whether this row records exactly {@code s}, applied successfully, as Flyway's validation would accept it. */
    boolean records(MigrationScript s) {
        return success && SQL.equals(type) && s.version().equals(version) && s.description().equals(description)
                && s.script().equals(script) && checksum != null && checksum == s.checksum();
    }
}
