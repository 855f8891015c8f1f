package io.sigil.store.internal;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What differs between SQLite and PostgreSQL in the SQL the store writes and the errors it reads. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Suffix of a SELECT that locks the rows it reads. SQLite has a single writer (BEGIN IMMEDIATE under one
     * in-process lock), so every write transaction is already serial.
     */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** A unique or primary key index refused the row. */
    public boolean isUniqueViolation(SQLException e) {
        if (this == POSTGRESQL) {
            return "23505".equals(e.getSQLState());
        }
        return e instanceof SQLiteException s
                && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    /** A foreign key refused the change. */
    public boolean isForeignKeyViolation(SQLException e) {
        if (this == POSTGRESQL) {
            return "23503".equals(e.getSQLState());
        }
        return e instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY;
    }

    /** The transaction lost a race the database detected (serialization failure, deadlock) and may be re-run. */
    public boolean isRetryable(SQLException e) {
        if (this == POSTGRESQL) {
            return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        }
        return e instanceof SQLiteException s
                && (s.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                        || s.getResultCode() == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);
    }
}
