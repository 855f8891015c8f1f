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
import io.sigil.iam.model.Role;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import io.sigil.policy.PolicyValidator;
import io.sigil.store.JdbcStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A real SQLite store in a temporary directory with two accounts, and the managed-policy services over it with a
 * clock that stands still at {@link #NOW}. Service tests live in sigil-server, the module that sees both the
 * services (sigil-core) and the JDBC store.
 */
final class PolicyServiceFixture implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String OTHER_ACCOUNT = "210987654321";
    static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Principal ROOT = Principal.root(ACCOUNT, "AKIAROOTTESTKEY00001");
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String VIEW_ONLY = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess";

    final Store store;
    final Limits limits;

    PolicyServiceFixture(Path dir, Limits limits) {
        this.limits = limits;
        this.store = JdbcStore.sqlite(dir.resolve(JdbcStore.SQLITE_FILE), SecretBox.random(), limits);
        store.write(tx -> tx.accounts().create(Account.create(ACCOUNT, NOW)));
        store.write(tx -> tx.accounts().create(Account.create(OTHER_ACCOUNT, NOW)));
    }

    ManagedPolicyService policies() {
        return new ManagedPolicyService(store, CLOCK, limits);
    }

    PolicyListings listings() {
        return new PolicyListings(store);
    }

    PolicyAttachmentService attachments() {
        return new PolicyAttachmentService(store);
    }

    BoundaryService boundaries() {
        return new BoundaryService(store);
    }

    /** A policy allowing {@code action} on everything. */
    static String allow(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    /** A valid identity policy of exactly {@code size} characters as IAM counts them (whitespace excluded). */
    static String documentOfSize(int size) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::bucket/";
        String tail = "\"}]}";
        String doc = head + "x".repeat(size - head.length() - tail.length()) + tail;
        assertThat(PolicyValidator.nonWhitespaceSize(doc)).isEqualTo(size);
        return doc;
    }

    PolicyInfo createPolicy(String name, String path) {
        return policies().createPolicy(ACCOUNT, name, path, allow("s3:GetObject"), null, List.of());
    }

    User createUser(String name) {
        User u = User.create(ACCOUNT, name, "/", Ids.userId(), NOW, null, List.of());
        return store.inTransaction(tx -> tx.users().create(u));
    }

    Group createGroup(String name) {
        return store.inTransaction(tx -> tx.groups().create(Group.create(ACCOUNT, name, "/", Ids.groupId(), NOW)));
    }

    Role createRole(String name) {
        return store.inTransaction(tx -> tx.roles().create(Role.create(ACCOUNT, name, "/", Ids.roleId(), NOW,
                "{}", null, List.of())));
    }

    User user(String name) {
        return store.read(tx -> tx.users().get(ACCOUNT, name));
    }

    static void assertIamError(ThrowingCallable call, String code, String message) {
        IamException e = catchThrowableOfType(IamException.class, call);
        assertThat(e).as("expected an IamException").isNotNull();
        assertThat(e.code()).isEqualTo(code);
        if (message != null) {
            assertThat(e.safeMessage()).isEqualTo(message);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
