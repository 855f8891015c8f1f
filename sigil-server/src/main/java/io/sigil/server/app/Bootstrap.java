package io.sigil.server.app;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

/**
 * First start (DESIGN.md, "Secrets and credentials"): creates the first account and its root access key, unless
 * the store has an account already. {@code SIGIL_ACCOUNT_ID}, {@code SIGIL_ROOT_ACCESS_KEY_ID} and
 * {@code SIGIL_ROOT_SECRET_ACCESS_KEY} fix them (for CI); a fixed root key is added to an existing account when
 * missing. The credentials are written once to {@code DATA_DIR/credentials} as profile {@code sigil}, mode 0600.
 */
public final class Bootstrap {
    public static final String ENV_ACCOUNT = "SIGIL_ACCOUNT_ID";
    public static final String ENV_KEY_ID = "SIGIL_ROOT_ACCESS_KEY_ID";
    public static final String ENV_SECRET = "SIGIL_ROOT_SECRET_ACCESS_KEY";
    public static final String PROFILE = "sigil";

    /** The first account and, when created (or fixed by the environment) in this start, its root key. */
    public record Result(String accountId, String accessKeyId, String secretAccessKey, boolean created) {}

    private Bootstrap() {}

    public static Result run(Store store, Map<String, String> env, Instant now) {
        String fixedId = env.get(ENV_KEY_ID);
        String fixedSecret = env.get(ENV_SECRET);
        if ((fixedId == null) != (fixedSecret == null)) {
            throw new IllegalArgumentException(ENV_KEY_ID + " and " + ENV_SECRET + " must be set together");
        }
        return store.inTransaction(tx -> {
            Page<Account> accounts = tx.accounts().list(PageRequest.of(1));
            if (!accounts.items().isEmpty()) {
                String account = accounts.items().get(0).id();
                if (fixedId != null && tx.accessKeys().find(fixedId).isEmpty()) {
                    tx.accessKeys().create(rootKey(account, fixedId, now), fixedSecret);
                }
                return new Result(account, fixedId, fixedSecret, false);
            }
            String account = env.getOrDefault(ENV_ACCOUNT, Ids.accountId());
            tx.accounts().create(Account.create(account, now));
            String keyId = fixedId != null ? fixedId : Ids.accessKeyId();
            String secret = fixedSecret != null ? fixedSecret : Ids.secretAccessKey();
            tx.accessKeys().create(rootKey(account, keyId, now), secret);
            return new Result(account, keyId, secret, true);
        });
    }

    /** A new account with its own root key, for {@code sigil account create}. */
    public static Result createAccount(Store store, String accountId, Instant now) {
        String account = accountId != null ? accountId : Ids.accountId();
        String keyId = Ids.accessKeyId();
        String secret = Ids.secretAccessKey();
        store.write(tx -> {
            tx.accounts().create(Account.create(account, now));
            tx.accessKeys().create(rootKey(account, keyId, now), secret);
        });
        return new Result(account, keyId, secret, true);
    }

    private static AccessKey rootKey(String account, String keyId, Instant now) {
        return new AccessKey(account, keyId, null, null, AccessKeyStatus.ACTIVE, now, null);
    }

    /** Writes the credentials file once (never overwrites it), readable by its owner only. */
    public static void writeCredentialsFile(Path dataDir, Result r) {
        if (r.secretAccessKey() == null) {
            return;
        }
        Path file = dataDir.resolve("credentials");
        String text = "[" + PROFILE + "]\n"
                + "aws_access_key_id = " + r.accessKeyId() + "\n"
                + "aws_secret_access_key = " + r.secretAccessKey() + "\n"
                + "# account " + r.accountId() + " (root)\n";
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // written at an earlier start: secrets are shown once
        } catch (UnsupportedOperationException e) {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
