package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability on SQLite (WAL, synchronous=FULL): a child JVM writes users and is killed with SIGKILL; every user
 * whose commit it acknowledged must be there afterwards, each whole (two tags, one key), and nothing half-written.
 */
class SqliteCrashTest {

    @TempDir
    Path dir;

    @Test
    void afterSigkill_everyAcknowledgedUserIsThereWhole_andNoTransactionIsHalfWritten() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String acct = Ids.accountId();
        Path db = dir.resolve(JdbcStore.SQLITE_FILE);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), db.toString(), Base64.getEncoder().encodeToString(key), acct)
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        List<String> acked = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readCompleteLines(child.getInputStream(), acked));
        reader.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acked.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acked).as("the child acknowledged a first user; see child.err").isNotEmpty();
        Thread.sleep(1_000);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        reader.join(5_000);

        System.out.println("crash test: " + acked.size() + " users acknowledged before SIGKILL");
        try (JdbcStore store = JdbcStore.sqlite(db, new SecretBox(key), Limits.AWS_DEFAULTS)) {
            List<User> users = allUsers(store, acct);
            List<String> names = users.stream().map(User::name).toList();
            assertThat(names).containsAll(acked);
            // Users committed after the last acknowledgement that reached us may be there too (the kill can fall
            // between a commit and its line reaching this process); each of them must be whole as well.
            for (User u : users) {
                assertThat(store.read(tx -> tx.users().get(acct, u.name())).tags()).hasSize(2);
                assertThat(store.read(tx -> tx.accessKeys().list(acct, u.name(), PageRequest.first())).items())
                        .hasSize(1);
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        assertThat(acked.size()).as("users acknowledged before the kill").isGreaterThan(1);
    }

    private static List<User> allUsers(JdbcStore store, String acct) {
        List<User> out = new ArrayList<>();
        PageRequest req = PageRequest.of(1000);
        while (true) {
            PageRequest r = req;
            Page<User> page = store.read(tx -> tx.users().list(acct, r));
            out.addAll(page.items());
            if (!page.isTruncated()) {
                return out;
            }
            req = req.after(page.nextMarker());
        }
    }

    /** Only newline-terminated lines count: a name cut off by the kill was not acknowledged. */
    private static void readCompleteLines(InputStream in, List<String> out) {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    out.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
        } catch (java.io.IOException ignored) {
            // the child is gone
        }
    }
}
