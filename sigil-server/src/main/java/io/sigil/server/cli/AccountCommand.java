package io.sigil.server.cli;

import io.sigil.iam.Limits;
import io.sigil.iam.crypto.MasterKey;
import io.sigil.iam.store.Store;
import io.sigil.server.app.Bootstrap;
import io.sigil.store.JdbcStore;
import io.sigil.store.PostgresConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code sigil account create}: a local admin command that adds an account to the data directory or database. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts (local admin).",
        subcommands = AccountCommand.Create.class)
public final class AccountCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account and print its root access key (shown once).")
    static final class Create implements Callable<Integer> {
        @Option(names = "--id", description = "12-digit account id (default: random).")
        String id;

        @Option(names = "--data-dir", description = "Data directory (default ~/.sigil).")
        Path dataDir;

        @Option(names = "--db", description = "jdbc:postgresql:// URL of the shared database.")
        String db;

        @Override
        public Integer call() {
            if (id != null && !id.matches("[0-9]{12}")) {
                System.err.println("sigil: --id takes 12 digits");
                return 2;
            }
            Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".sigil");
            var box = MasterKey.load(dir, System.getenv());
            try (Store store = db == null ? JdbcStore.sqlite(dir.resolve(JdbcStore.SQLITE_FILE), box, Limits.AWS_DEFAULTS)
                    : JdbcStore.postgres(PostgresConfig.of(db, System.getenv("SIGIL_DB_USER"),
                            System.getenv("SIGIL_DB_PASSWORD")), box, Limits.AWS_DEFAULTS)) {
                Bootstrap.Result r = Bootstrap.createAccount(store, id, Instant.now());
                System.out.println("[sigil-" + r.accountId() + "]");
                System.out.println("aws_access_key_id = " + r.accessKeyId());
                System.out.println("aws_secret_access_key = " + r.secretAccessKey());
                System.out.println("# account " + r.accountId() + " (root)");
                return 0;
            } catch (io.sigil.iam.error.IamException e) {
                System.err.println("sigil: " + e.safeMessage());
                return 1;
            }
        }
    }
}
