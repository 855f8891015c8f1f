package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.store.JdbcStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A real SQLite store in a temporary directory with two accounts, for the service tests. The services live in
 * sigil-core, which cannot depend on sigil-store, so their tests live here.
 */
final class ServiceFixture implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");

    final Store store;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    ServiceFixture(Path dir, Limits limits) {
        store = JdbcStore.sqlite(dir.resolve(JdbcStore.SQLITE_FILE), SecretBox.random(), limits);
        store.write(tx -> {
            tx.accounts().create(Account.create(ACCOUNT, NOW));
            tx.accounts().create(Account.create(OTHER_ACCOUNT, NOW));
        });
    }

    ServiceFixture(Path dir) {
        this(dir, Limits.AWS_DEFAULTS);
    }

    User user(String accountId, String name) {
        return store.inTransaction(tx -> tx.users().create(
                User.create(accountId, name, "/", Ids.userId(), NOW, null, List.of())));
    }

    User user(String name) {
        return user(ACCOUNT, name);
    }

    Group group(String name) {
        return store.inTransaction(tx -> tx.groups().create(Group.create(ACCOUNT, name, "/", Ids.groupId(), NOW)));
    }

    static Principal root() {
        return Principal.root(ACCOUNT, "AKIAROOTROOTROOTROOT");
    }

    static Principal as(User user) {
        return Principal.user(user, "AKIAUSERUSERUSERUSER");
    }

    /** Asserts that {@code call} fails with AWS's code and exact message. */
    static void assertIamError(ThrowingCallable call, String code, String message) {
        IamException e = catchThrowableOfType(IamException.class, call);
        assertThat(e).as("expected an IamException").isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.safeMessage()).isEqualTo(message);
    }

    @Override
    public void close() {
        store.close();
    }
}
