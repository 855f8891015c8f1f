package io.sigil.store;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The managed-policy store suite on SQLite, one database file per test. */
class SqliteManagedPolicyStoreTest extends ManagedPolicyStoreContract {

    @TempDir
    Path dataDir;

    private final SecretBox box = SecretBox.random();

    @Override
    protected Store open(Limits limits) {
        return JdbcStore.sqlite(dataDir.resolve(JdbcStore.SQLITE_FILE), box, limits);
    }
}
