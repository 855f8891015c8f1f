package io.sigil.store.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kept prepared statements of SQLite connections, through {@link Db} as the store uses them. */
class StatementCacheTest {
    @TempDir
    Path dir;
    private SqliteConnections connections;

    @BeforeEach
    void open() throws SQLException {
        connections = new SqliteConnections(dir.resolve("t.db"));
        write(db -> db.update("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)"));
    }

    @AfterEach
    void close() {
        connections.close();
    }

    private interface Work<T> {
        T apply(Db db) throws SQLException;
    }

    private <T> T write(Work<T> work) throws SQLException {
        return tx(true, work);
    }

    private <T> T read(Work<T> work) throws SQLException {
        return tx(false, work);
    }

    private <T> T tx(boolean write, Work<T> work) throws SQLException {
        Connection c = connections.begin(write);
        boolean ok = false;
        try {
            T result = work.apply(new Db(c, connections.statements(c)));
            connections.commit(c);
            ok = true;
            return result;
        } finally {
            if (!ok) {
                connections.rollback(c);
            }
            connections.release(c, write);
        }
    }

    private static final String SELECT = "SELECT v FROM t WHERE k = ?";

    @Test
    void aKeptStatementHoldsNoSnapshot_everyReaderSeesALaterCommit() throws SQLException {
        // Use the query on every reader (more reads than readers), so each one keeps the statement.
        for (int i = 0; i < 10; i++) {
            List<Integer> before = read(db -> db.query(SELECT, rs -> rs.getInt(1), "a"));
            assertThat(before).isEmpty();
        }
        write(db -> db.update("INSERT INTO t (k, v) VALUES (?, ?)", "a", 1));
        for (int i = 0; i < 10; i++) {
            List<Integer> after = read(db -> db.query(SELECT, rs -> rs.getInt(1), "a"));
            assertThat(after).containsExactly(1);
        }
    }

    @Test
    void theSameQueryRunFromItsOwnRowMapper_getsItsOwnStatement() throws SQLException {
        write(db -> db.update("INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2)"));
        String all = "SELECT k FROM t WHERE v >= ? ORDER BY k";
        List<String> pairs = read(db -> db.query(all, rs -> rs.getString(1) + "="
                + db.query(all, inner -> inner.getString(1), 2), 1));
        assertThat(pairs).containsExactly("a=[b]", "b=[b]");
    }

    @Test
    void aFailedUpdate_dropsItsStatement_andTheNextUseWorks() throws SQLException {
        String insert = "INSERT INTO t (k, v) VALUES (?, ?)";
        write(db -> db.update(insert, "a", 1));
        assertThatThrownBy(() -> write(db -> db.update(insert, "a", 2))).isInstanceOf(DbException.class);
        write(db -> db.update(insert, "b", 2));
        List<String> rows = read(db -> db.query("SELECT k || v FROM t ORDER BY k", rs -> rs.getString(1)));
        assertThat(rows).containsExactly("a1", "b2");
    }

    @Test
    void aRolledBackWrite_leavesNothing_andTheConnectionGoesOn() throws SQLException {
        assertThatThrownBy(() -> write(db -> {
            db.update("INSERT INTO t (k, v) VALUES (?, ?)", "x", 1);
            throw new SQLException("fail after the insert");
        })).hasMessage("fail after the insert");
        long none = read(db -> db.count("SELECT count(*) FROM t"));
        assertThat(none).isZero();
        write(db -> db.update("INSERT INTO t (k, v) VALUES (?, ?)", "y", 1));
        long one = read(db -> db.count("SELECT count(*) FROM t"));
        assertThat(one).isEqualTo(1);
    }

    @Test
    void theCacheKeepsAtMostMaxStatements() throws SQLException {
        Connection c = connections.begin(false);
        try {
            StatementCache cache = connections.statements(c);
            Db db = new Db(c, cache);
            for (int i = 0; i < StatementCache.MAX + 20; i++) {
                assertThat(db.count("SELECT " + i)).isEqualTo(i);
            }
            assertThat(cache.size()).isEqualTo(StatementCache.MAX);
            connections.commit(c);
        } finally {
            connections.release(c, false);
        }
    }

    @Test
    void executingAStatementThatIsInUse_runsItOnItsOwn_andLeavesTheKeptOneInUse() throws SQLException {
        Connection c = connections.begin(false);
        try {
            StatementCache cache = connections.statements(c);
            String sql = "SELECT 1";
            PreparedStatement kept = cache.acquire(sql);

            cache.execute(sql);

            assertThat(cache.acquire(sql)).as("still marked in use").isNull();
            cache.release(sql, false);
            assertThat(cache.acquire(sql)).isSameAs(kept);
            cache.release(sql, false);
            connections.commit(c);
        } finally {
            connections.release(c, false);
        }
    }
}
