package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.store.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store suite on SQLite, one database file per test. */
class SqliteStoreTest extends StoreContract {

    @TempDir
    Path dataDir;

    private final SecretBox box = SecretBox.random();

    @Override
    protected Store open(Limits limits) {
        return JdbcStore.sqlite(dataDir.resolve(JdbcStore.SQLITE_FILE), box, limits);
    }

    /** Scans the database file and its write-ahead log byte by byte. */
    @Override
    protected Store openWithOtherMasterKey() {
        return JdbcStore.sqlite(dataDir.resolve(JdbcStore.SQLITE_FILE), SecretBox.random(), Limits.AWS_DEFAULTS);
    }

    @Override
    protected void assertNotStoredInClear(String accessKeyId, String secret) throws Exception {
        byte[] raw = rawBytes();
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text).as("the scan sees the key id, so it reads the rows").contains(accessKeyId);
        assertThat(text).doesNotContain(secret);
    }

    @Override
    public void assertMfaSeedNotStoredInClear(String serialNumber, byte[] seed) throws Exception {
        String text = new String(rawBytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).as("the scan sees the serial number, so it reads the rows").contains(serialNumber);
        assertThat(text).doesNotContain(new String(seed, StandardCharsets.ISO_8859_1));
    }

    /** Scans the whole database file and its write-ahead log: the row is in there, the secret is not. */
    @Override
    public void assertRowKeepsNoClearText(String table, String id, String secret) throws Exception {
        String text = new String(rawBytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).as("the scan sees the row's id, so it reads the rows").contains(id);
        assertThat(text).doesNotContain(secret);
    }

    private byte[] rawBytes() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String suffix : new String[] {"", "-wal"}) {
            Path f = dataDir.resolve(JdbcStore.SQLITE_FILE + suffix);
            if (Files.exists(f)) {
                all.write(Files.readAllBytes(f));
            }
        }
        return all.toByteArray();
    }

    @Test
    void sqliteConnections_useWalFullSyncForeignKeysAndABusyTimeout() throws Exception {
        var ds = io.sigil.store.internal.SqliteConnections.dataSource(dataDir.resolve(JdbcStore.SQLITE_FILE));
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(s, "busy_timeout"))).isPositive();
        }
        assertThat(store.dialect()).isEqualTo("sqlite");
    }

    private static String pragma(java.sql.Statement s, String name) throws Exception {
        try (var rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
