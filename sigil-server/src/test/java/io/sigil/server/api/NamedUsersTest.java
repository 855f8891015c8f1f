package io.sigil.server.api;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.SecretBox;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import io.sigil.iam.store.Tx;
import io.sigil.store.JdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Users by name for authorisation: cached, dropped on every change the store reports, and the store-free resolve. */
class NamedUsersTest {
    private static final String ACCOUNT = "111122223333";
    @TempDir
    Path dir;
    private Store store;
    private final AtomicInteger reads = new AtomicInteger();
    private Store counting;
    private NamedUsers users;

    @BeforeEach
    void setUp() {
        store = JdbcStore.sqlite(dir.resolve("sigil.db"), SecretBox.random(), Limits.AWS_DEFAULTS);
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        store.write(tx -> {
            tx.accounts().create(Account.create(ACCOUNT, now));
            tx.users().create(User.create(ACCOUNT, "Alice", "/team/", Ids.userId(), now, null,
                    List.of(new Tag("team", "a"))));
        });
        counting = new Store() {
            @Override
            public <T> T inTransaction(Function<Tx, T> work) {
                return store.inTransaction(work);
            }

            @Override
            public <T> T read(Function<Tx, T> work) {
                reads.incrementAndGet();
                return store.read(work);
            }

            @Override
            public Subscription subscribe(Consumer<ChangeEvent> listener) {
                return store.subscribe(listener);
            }

            @Override
            public String dialect() {
                return store.dialect();
            }

            @Override
            public void close() {
                store.close();
            }
        };
        users = new NamedUsers(counting);
    }

    @AfterEach
    void tearDown() {
        users.close();
        store.close();
    }

    @Test
    void aNameAskedAgainInAnyCase_isAnsweredWithoutReadingTheStore() {
        assertThat(users.find(ACCOUNT, "alice")).get().extracting(User::name).isEqualTo("Alice");
        assertThat(users.find(ACCOUNT, "ALICE")).get().extracting(User::name).isEqualTo("Alice");
        assertThat(users.find(ACCOUNT, "nobody")).isEmpty();
        assertThat(users.find(ACCOUNT, "nobody")).isEmpty();

        assertThat(reads).hasValue(2);
    }

    @Test
    void aCommittedChange_dropsTheCache_soTheNextAskSeesIt() {
        users.find(ACCOUNT, "alice");
        store.write(tx -> tx.tags().tag(ACCOUNT, io.sigil.iam.model.TaggableKind.USER, "alice",
                List.of(new Tag("stage", "two"))));

        User after = users.find(ACCOUNT, "alice").orElseThrow();

        assertThat(after.tags()).contains(new Tag("stage", "two"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSuccessfulSignIn_movesPasswordLastUsed_andTheCachedUserWithIt() {
        User before = users.find(ACCOUNT, "alice").orElseThrow();
        Instant signedIn = Instant.parse("2026-12-01T13:00:00Z");
        store.write(tx -> tx.loginProfiles().recordSuccess(before.id(), signedIn));

        assertThat(users.find(ACCOUNT, "alice").orElseThrow().passwordLastUsed()).isEqualTo(signedIn);
    }

    @Test
    void aUserCreatedAfterItsNameWasAskedFor_isFoundAtOnce() {
        assertThat(users.find(ACCOUNT, "bob")).isEmpty();
        store.write(tx -> tx.users().create(User.create(ACCOUNT, "bob", "/", Ids.userId(), Instant.now(), null,
                List.of())));

        assertThat(users.find(ACCOUNT, "bob")).isPresent();
    }

    @Test
    void getUser_resolvesWithoutAReadTransaction_butARenameNeedsTheStore() {
        EnforcementTable table = EnforcementTable.load();
        Principal root = Principal.root(ACCOUNT, "AKIAROOT000000000001");

        var getUser = table.resolveWithoutStore("GetUser", GetUserRequest.builder().userName("alice").build(),
                root, users);
        var rename = table.resolveWithoutStore("UpdateUser",
                UpdateUserRequest.builder().userName("alice").newUserName("alicia").build(), root, users);

        assertThat(getUser).get().satisfies(t -> {
            assertThat(t.resource()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/team/Alice");
            assertThat(t.namedUser().name()).isEqualTo("Alice");
            assertThat(t.keys()).containsKey("aws:ResourceTag/team");
        });
        assertThat(rename).isEmpty();
    }
}
