package io.sigil.store;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The process that {@link SqliteCrashTest} kills: creates users in a loop, each with two tags and an access key in
 * one transaction, and prints each name only after its commit returned. Args: database file, master key (base64),
 * account id.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) {
        SecretBox box = new SecretBox(Base64.getDecoder().decode(args[1]));
        String acct = args[2];
        JdbcStore store = JdbcStore.sqlite(Path.of(args[0]), box, Limits.AWS_DEFAULTS.withUsersPerAccount(1_000_000));
        store.write(tx -> tx.accounts().create(Account.create(acct, Instant.now())));
        for (int i = 0; ; i++) {
            String name = "user" + i;
            store.write(tx -> {
                User u = tx.users().create(User.create(acct, name, "/crash/", Ids.userId(), Instant.now(), null,
                        List.of(new Tag("a", "1"), new Tag("b", "2"))));
                tx.accessKeys().create(new AccessKey(acct, Ids.accessKeyId(), u.id(), name, AccessKeyStatus.ACTIVE,
                        Instant.now(), null), Ids.secretAccessKey());
            });
            System.out.println(name);
            System.out.flush();
        }
    }
}
