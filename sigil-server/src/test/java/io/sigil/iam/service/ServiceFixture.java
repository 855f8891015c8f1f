package io.sigil.iam.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.store.JdbcStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A real SQLite store in a temporary directory, sealed under a fixed test master key, with one account created at
 * {@link #ACCOUNT_CREATED}; the services' clock stands still at {@link #NOW}.
 *
 * <p>These service tests live in sigil-server because it is the module that sees both sigil-core (the services)
 * and sigil-store (the JDBC store); sigil-store already depends on sigil-core, so core cannot test against it.
 */
final class ServiceFixture implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";
    static final Instant ACCOUNT_CREATED = Instant.parse("2025-06-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07.891Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final byte[] TEST_MASTER_KEY = Arrays.copyOf(
            "sigil test master key, not secret".getBytes(StandardCharsets.US_ASCII), SecretBox.KEY_BYTES);

    final Store store;
    final Limits limits;

    ServiceFixture(Path dir, Limits limits) {
        this.limits = limits;
        this.store = JdbcStore.sqlite(dir.resolve(JdbcStore.SQLITE_FILE), new SecretBox(TEST_MASTER_KEY), limits);
        store.write(tx -> tx.accounts().create(Account.create(ACCOUNT, ACCOUNT_CREATED)));
        store.write(tx -> tx.accounts().create(Account.create(OTHER_ACCOUNT, ACCOUNT_CREATED)));
    }

    UserService users() {
        return new UserService(store, CLOCK, limits);
    }

    GroupService groups() {
        return new GroupService(store, CLOCK, limits);
    }

    /** Gives the user an access key, as CreateAccessKey would. */
    AccessKey accessKey(User user) {
        AccessKey key = new AccessKey(ACCOUNT, Ids.accessKeyId(), user.id(), user.name(), AccessKeyStatus.ACTIVE, NOW,
                null);
        return store.inTransaction(tx -> tx.accessKeys().create(key, Ids.secretAccessKey()));
    }

    void userPolicy(String userName, String policyName) {
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.USER, userName,
                policyName, "{\"Version\":\"2012-10-17\",\"Statement\":[]}")));
    }

    void groupPolicy(String groupName, String policyName) {
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.GROUP, groupName,
                policyName, "{\"Version\":\"2012-10-17\",\"Statement\":[]}")));
    }

    /** Asserts that {@code call} fails with this IAM code and exactly this message. */
    static IamException assertIamError(ThrowingCallable call, String code, String message) {
        IamException e = catchThrowableOfType(IamException.class, call);
        assertThat(e).as("expected IAM error %s", code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        if (message != null) {
            assertThat(e.safeMessage()).isEqualTo(message);
        }
        return e;
    }

    @Override
    public void close() {
        store.close();
    }
}
