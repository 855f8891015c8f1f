package io.sigil.server.api.iam;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Users and groups written straight into a test server's store, so these tests do not depend on the Users and
 * Groups operations; and a key for a user, made through CreateAccessKey.
 */
public final class Entities {

    private Entities() {
    }

    public static User user(SigilTestServer server, String name) {
        return server.app().store().inTransaction(tx -> tx.users().create(User.create(server.app().accountId(), name,
                "/", Ids.userId(), Instant.now(), null, List.of())));
    }

    public static Group group(SigilTestServer server, String name) {
        return server.app().store().inTransaction(tx -> tx.groups().create(Group.create(server.app().accountId(),
                name, "/", Ids.groupId(), Instant.now())));
    }

    /** A new user with a new access key, made by the root. */
    public static AccessKey userWithKey(SigilTestServer server, String name) {
        user(server, name);
        try (IamClient root = server.rootIam()) {
            return root.createAccessKey(r -> r.userName(name)).accessKey();
        }
    }
}
