package io.sigil.store.internal;

import org.junit.jupiter.api.AfterEach;
import org.sqlite.SQLiteOpenMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQLite reader pool: grows while every reader is busy, up to its cap, and reuses what comes back. */
class SqliteConnectionsTest {
    @TempDir
    Path dir;
    private SqliteConnections connections;

    @BeforeEach
    void open() throws SQLException {
        connections = new SqliteConnections(dir.resolve("t.db"));
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void overlappingReadTransactions_eachGetTheirOwnReader_andReleasedOnesAreReused() throws SQLException {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(connections.begin(false));
        }
        assertThat(new HashSet<>(held)).hasSize(3);
        assertThat(connections.readerCount()).isEqualTo(3);
        for (Connection c : held) {
            connections.commit(c);
            connections.release(c, false);
        }

        Connection again = connections.begin(false);
        assertThat(held).contains(again);
        assertThat(connections.readerCount()).isEqualTo(3);
        connections.commit(again);
        connections.release(again, false);
    }

    @Test
    void connectionsOpenInMultiThreadMode_withoutSqlitesOwnMutex() {
        int flags = SqliteConnections.dataSource(dir.resolve("t.db")).getConfig().getOpenModeFlags();

        assertThat(flags & SQLiteOpenMode.NOMUTEX.flag).isEqualTo(SQLiteOpenMode.NOMUTEX.flag);
        assertThat(flags & SQLiteOpenMode.FULLMUTEX.flag).isZero();
    }

    @Test
    void aDurableFile_syncsEveryCommit_andAScratchFileNever() throws SQLException {
        try (SqliteConnections scratch =
                new SqliteConnections(SqliteConnections.dataSource(dir.resolve("scratch.db"), false))) {
            assertThat(synchronousOf(connections)).isEqualTo(2); // FULL
            assertThat(synchronousOf(scratch)).isZero(); // OFF
        }
    }

    /** PRAGMA synchronous as the writer and a reader of {@code source} see it (0 OFF, 1 NORMAL, 2 FULL). */
    private static int synchronousOf(SqliteConnections source) throws SQLException {
        List<Integer> seen = new ArrayList<>();
        for (boolean write : new boolean[] {true, false}) {
            Connection c = source.begin(write);
            try (var st = c.createStatement(); var rs = st.executeQuery("PRAGMA synchronous")) {
                rs.next();
                seen.add(rs.getInt(1));
            } finally {
                source.rollback(c);
                source.release(c, write);
            }
        }
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        return seen.get(0);
    }

    @Test
    void manyThreadsReadingAndWritingAtOnce_seeEveryCommittedRow() throws Exception {
        Connection w = connections.begin(true);
        w.createStatement().executeUpdate("CREATE TABLE t (n INTEGER)");
        connections.commit(w);
        connections.release(w, true);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t * 1000;
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        Connection c = connections.begin(true);
                        c.createStatement().executeUpdate("INSERT INTO t VALUES (" + (base + i) + ")");
                        connections.commit(c);
                        connections.release(c, true);
                        Connection r = connections.begin(false);
                        String sql = "SELECT count(*) FROM t WHERE n = " + (base + i);
                        try (var rs = r.createStatement().executeQuery(sql)) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getInt(1)).isEqualTo(1);
                        }
                        connections.rollback(r);
                        connections.release(r, false);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        Connection r = connections.begin(false);
        try (var rs = r.createStatement().executeQuery("SELECT count(*) FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(400);
        }
        connections.rollback(r);
        connections.release(r, false);
    }

    @Test
    void aReader_isReadOnly() throws SQLException {
        Connection r = connections.begin(false);
        try {
            assertThatThrownBy(() -> new Db(r).update("CREATE TABLE x (a INTEGER)")).isInstanceOf(DbException.class);
        } finally {
            connections.rollback(r);
            connections.release(r, false);
        }
    }

    @Test
    void pastTheCap_aReadTransactionWaitsForAReaderToComeBack() throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < SqliteConnections.MAX_READERS; i++) {
            held.add(connections.begin(false));
        }
        CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return connections.begin(false);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(connections.readerCount()).isEqualTo(SqliteConnections.MAX_READERS);

        Connection first = held.remove(0);
        connections.commit(first);
        connections.release(first, false);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isSameAs(first);
        held.add(first);
        for (Connection c : held) {
            connections.commit(c);
            connections.release(c, false);
        }
    }
}
