package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.User;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store suite on PostgreSQL (see {@link TestPostgres}), plus what only a shared database can show. */
class PostgresStoreTest extends StoreContract {

    private final SecretBox box = SecretBox.random();

    @Override
    protected Store open(Limits limits) {
        return JdbcStore.postgres(TestPostgres.config(), box, limits);
    }

    /** Reads the whole access_keys row as text, bytea as hex, and looks for the secret in clear and in hex. */
    @Override
    protected Store openWithOtherMasterKey() {
        return JdbcStore.postgres(TestPostgres.config(), SecretBox.random(), Limits.AWS_DEFAULTS);
    }

    @Override
    protected void assertNotStoredInClear(String accessKeyId, String secret) throws Exception {
        PostgresConfig c = TestPostgres.config();
        try (Connection conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
                PreparedStatement ps = conn.prepareStatement("SELECT t::text FROM access_keys t WHERE id = ?")) {
            ps.setString(1, accessKeyId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String row = rs.getString(1);
                assertThat(row).contains(accessKeyId);
                assertThat(row).doesNotContain(secret);
                assertThat(row).doesNotContainIgnoringCase(HexFormat.of().formatHex(secret.getBytes()));
            }
        }
    }

    @Override
    public void assertMfaSeedNotStoredInClear(String serialNumber, byte[] seed) throws Exception {
        PostgresConfig c = TestPostgres.config();
        try (Connection conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
                PreparedStatement ps = conn.prepareStatement(
                        "SELECT t::text FROM virtual_mfa_devices t WHERE serial_number = ?")) {
            ps.setString(1, serialNumber);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String row = rs.getString(1);
                assertThat(row).contains(serialNumber);
                assertThat(row).doesNotContain(new String(seed, java.nio.charset.StandardCharsets.ISO_8859_1));
                assertThat(row).doesNotContainIgnoringCase(HexFormat.of().formatHex(seed));
            }
        }
    }

    /** Reads the whole row as text (bytea as hex) and looks for the secret in clear and in hex. */
    @Override
    public void assertRowKeepsNoClearText(String table, String id, String secret) throws Exception {
        PostgresConfig c = TestPostgres.config();
        try (Connection conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
                PreparedStatement ps = conn.prepareStatement("SELECT t::text FROM " + table + " t WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String row = rs.getString(1);
                assertThat(row).contains(id);
                assertThat(row).doesNotContain(secret);
                assertThat(row).doesNotContainIgnoringCase(HexFormat.of().formatHex(secret.getBytes()));
            }
        }
    }

    @Test
    void twoStoresOnOneDatabase_aWriteOnOneIsNotifiedToTheOtherWithinOneSecond() throws Exception {
        Store other = track(open(Limits.AWS_DEFAULTS));
        LinkedBlockingQueue<ChangeEvent> heard = new LinkedBlockingQueue<>();
        try (Subscription unused = other.subscribe(heard::add)) {
            assertThat(unused).isNotNull();
            User u = store.inTransaction(tx -> tx.users().create(user("notified", "/")));
            ChangeEvent expected = new ChangeEvent(EntityKind.USER, acct, u.id());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            ChangeEvent e;
            do {
                e = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } while (e != null && !e.equals(expected));
            assertThat(e).isEqualTo(expected);
        }
    }

    @Test
    void notificationsOfAnotherNode_carryKindAccountAndId() throws Exception {
        Store other = track(open(Limits.AWS_DEFAULTS));
        LinkedBlockingQueue<ChangeEvent> heard = new LinkedBlockingQueue<>();
        try (Subscription unused = other.subscribe(heard::add)) {
            assertThat(unused).isNotNull();
            User u = store.inTransaction(tx -> tx.users().create(user("keyed", "/")));
            String keyId = createKey(u, Ids.secretAccessKey()).id();
            ChangeEvent expected = new ChangeEvent(EntityKind.ACCESS_KEY, acct, keyId);
            ChangeEvent e;
            do {
                e = heard.poll(2, TimeUnit.SECONDS);
            } while (e != null && !e.equals(expected));
            assertThat(e).isEqualTo(expected);
            assertThat(store.dialect()).isEqualTo("postgresql");
        }
    }

    @Test
    void aListenerThatLosesItsConnection_reconnectsAndAnnouncesThatAllCachesMustDrop() throws Exception {
        LinkedBlockingQueue<ChangeEvent> heard = new LinkedBlockingQueue<>();
        try (Subscription unused = store.subscribe(heard::add)) {
            assertThat(unused).isNotNull();
            PostgresConfig c = TestPostgres.config();
            try (Connection conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
                    ResultSet rs = conn.createStatement().executeQuery("SELECT pg_terminate_backend(pid) "
                            + "FROM pg_stat_activity WHERE application_name = 'sigil-listener'")) {
                assertThat(rs.next()).as("a listener connection was found").isTrue();
            }
            ChangeEvent e;
            do {
                e = heard.poll(5, TimeUnit.SECONDS);
            } while (e != null && e.kind() != EntityKind.ALL);
            assertThat(e).isEqualTo(ChangeEvent.all());
            Store other = track(open(Limits.AWS_DEFAULTS));
            User u = other.inTransaction(tx -> tx.users().create(user("afterReconnect", "/")));
            ChangeEvent expected = new ChangeEvent(EntityKind.USER, acct, u.id());
            do {
                e = heard.poll(2, TimeUnit.SECONDS);
            } while (e != null && !e.equals(expected));
            assertThat(e).isEqualTo(expected);
        }
    }
}
