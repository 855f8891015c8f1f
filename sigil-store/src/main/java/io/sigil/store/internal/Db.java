package io.sigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the connection of one transaction: positional parameters ({@link Instant} is stored as epoch
 * milliseconds, null as an untyped NULL), rows mapped by a {@link RowMapper}. SQL errors become {@link DbException}.
 */
public final class Db {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    /** The connection's kept statements, or null to prepare and close each statement per use. */
    private final StatementCache cache;

    public Db(Connection connection) {
        this(connection, null);
    }

    public Db(Connection connection, StatementCache cache) {
        this.connection = connection;
        this.cache = cache;
    }

    /** The bind parameters of an {@code IN (...)} list of {@code n} values: {@code ?, ?, ?}. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        Use use = prepare(sql, args);
        boolean failed = true;
        // Closing the result set resets the statement, which a kept statement needs before its next use.
        try (ResultSet rs = use.statement.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            failed = false;
            return out;
        } catch (SQLException e) {
            throw new DbException(e);
        } finally {
            done(use, failed);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row: " + sql);
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... args) {
        return queryOne(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** Executes an INSERT/UPDATE/DELETE; returns the number of rows changed. */
    public int update(String sql, Object... args) {
        Use use = prepare(sql, args);
        boolean failed = true;
        try {
            int n = use.statement.executeUpdate();
            failed = false;
            return n;
        } catch (SQLException e) {
            throw new DbException(e);
        } finally {
            done(use, failed);
        }
    }

    /** A statement in use: the connection's kept one ({@code kept}), or one prepared for this use alone. */
    private record Use(String sql, PreparedStatement statement, boolean kept) {}

    private Use prepare(String sql, Object... args) {
        PreparedStatement kept;
        PreparedStatement ps;
        try {
            kept = cache == null ? null : cache.acquire(sql);
            ps = kept != null ? kept : connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new DbException(e);
        }
        Use use = new Use(sql, ps, kept != null);
        boolean failed = true;
        try {
            for (int i = 0; i < args.length; i++) {
                bind(ps, i + 1, args[i]);
            }
            failed = false;
            return use;
        } catch (SQLException e) {
            throw new DbException(e);
        } finally {
            if (failed) {
                done(use, true);
            }
        }
    }

    /** After a use: a kept statement stays open for the next use unless the use failed; others are closed. */
    private void done(Use use, boolean failed) {
        if (use.kept) {
            cache.release(use.sql, failed);
            return;
        }
        try {
            use.statement.close();
        } catch (SQLException e) {
            if (!failed) {
                throw new DbException(e);
            }
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Instant t) {
            ps.setLong(index, t.toEpochMilli());
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof byte[] b) {
            ps.setBytes(index, b);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }

    /**
     * Reads a text column. On SQLite it takes the column's UTF-8 bytes and decodes them here: the driver's getString
     * wraps each value in a direct buffer through JNI and decodes it with a CharsetDecoder, which was 44% of a
     * ListUsers of 101 users in the load profile. SQLite gives a zero-length value as no bytes, so a missing array
     * is null only when the column is NULL.
     */
    public static String text(ResultSet rs, String column) throws SQLException {
        return text(rs, rs.findColumn(column));
    }

    /** {@link #text(ResultSet, String)} by column index. */
    public static String text(ResultSet rs, int column) throws SQLException {
        if (!(rs instanceof org.sqlite.jdbc3.JDBC3ResultSet)) {
            return rs.getString(column);
        }
        byte[] utf8 = rs.getBytes(column);
        if (utf8 == null) {
            return rs.wasNull() ? null : "";
        }
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads an epoch-millisecond column; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
