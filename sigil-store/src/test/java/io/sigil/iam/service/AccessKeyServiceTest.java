package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.as;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static io.sigil.iam.service.ServiceFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeySecret;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AccessKeyService against a real SQLite store (IAM API Reference: the five access key actions). */
class AccessKeyServiceTest {

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private AccessKeyService keys;
    private User alice;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        keys = new AccessKeyService(fx.store, fx.clock);
        alice = fx.user("Alice");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void create_returnsAnActiveAkiaKeyWithA40CharacterSecret_createdNowToTheSecond() {
        AccessKeySecret created = keys.create(root(), "Alice");

        assertThat(created.key().id()).startsWith("AKIA").hasSize(20);
        assertThat(created.secretAccessKey()).hasSize(40).matches("[A-Za-z0-9+/]{40}");
        assertThat(created.key().status()).isEqualTo(AccessKeyStatus.ACTIVE);
        assertThat(created.key().userName()).isEqualTo("Alice");
        assertThat(created.key().createDate()).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
        assertThat(created.key().lastUsed()).isNull();
    }

    @Test
    void create_withoutUserName_byRoot_createsAKeyOfTheRootUser() {
        AccessKeySecret created = keys.create(root(), null);

        assertThat(created.key().isRoot()).isTrue();
        assertThat(created.key().userName()).isNull();
        assertThat(keys.list(root(), null, PageRequest.first()).items()).extracting(AccessKey::id)
                .containsExactly(created.key().id());
        assertThat(keys.list(root(), "Alice", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void create_withoutUserName_byAUser_createsTheCallersOwnKey() {
        AccessKeySecret created = keys.create(as(alice), null);

        assertThat(created.key().userId()).isEqualTo(alice.id());
        assertThat(keys.list(root(), null, PageRequest.first()).items()).isEmpty();
    }

    @Test
    void create_userNameIsMatchedCaseInsensitively_andTheKeyCarriesTheStoredName() {
        assertThat(keys.create(root(), "aLiCe").key().userName()).isEqualTo("Alice");
    }

    @Test
    void create_twoKeysPerUserAreAllowed_theThirdIsLimitExceeded() {
        keys.create(root(), "Alice");
        keys.create(root(), "Alice");

        assertIamError(() -> keys.create(root(), "Alice"), "LimitExceeded",
                "Cannot exceed quota for AccessKeysPerUser: 2");
        assertThat(keys.list(root(), "Alice", PageRequest.first()).items()).hasSize(2);
    }

    @Test
    void create_theRootUserAlsoHasAQuotaOfTwoKeys() {
        keys.create(root(), null);
        keys.create(root(), null);

        assertIamError(() -> keys.create(root(), null), "LimitExceeded", "Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void create_inactiveKeysCountAgainstTheQuota() {
        AccessKey first = keys.create(root(), "Alice").key();
        keys.updateStatus(root(), "Alice", first.id(), AccessKeyStatus.INACTIVE);
        keys.create(root(), "Alice");

        assertIamError(() -> keys.create(root(), "Alice"), "LimitExceeded",
                "Cannot exceed quota for AccessKeysPerUser: 2");
    }

    @Test
    void create_deletingAKeyFreesItsPlaceInTheQuota() {
        keys.create(root(), "Alice");
        AccessKey second = keys.create(root(), "Alice").key();
        keys.delete(root(), "Alice", second.id());

        assertThat(keys.create(root(), "Alice").key().status()).isEqualTo(AccessKeyStatus.ACTIVE);
    }

    @Test
    void create_forAnUnknownUser_isNoSuchEntity() {
        assertIamError(() -> keys.create(root(), "nobody"), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void create_namesUsersOfTheCallersAccountOnly() {
        fx.user(OTHER_ACCOUNT, "Bob");

        assertIamError(() -> keys.create(root(), "Bob"), "NoSuchEntity", "The user with name Bob cannot be found.");
    }

    @Test
    void list_ordersKeysByIdAndPagesWithAMarker() {
        String a = keys.create(root(), "Alice").key().id();
        String b = keys.create(root(), "Alice").key().id();

        Page<AccessKey> first = keys.list(root(), "Alice", PageRequest.of(1));
        Page<AccessKey> second = keys.list(root(), "Alice", PageRequest.of(1).after(first.nextMarker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(second.isTruncated()).isFalse();
        assertThat(List.of(first.items().get(0).id(), second.items().get(0).id()))
                .containsExactlyElementsOf(List.of(a, b).stream().sorted().toList());
    }

    @Test
    void list_ofAUserWithoutKeys_isEmpty() {
        assertThat(keys.list(root(), "Alice", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void list_withoutUserName_byAUser_listsTheCallersKeys() {
        AccessKey own = keys.create(as(alice), null).key();
        keys.create(root(), null);

        assertThat(keys.list(as(alice), null, PageRequest.first()).items()).extracting(AccessKey::id)
                .containsExactly(own.id());
    }

    @Test
    void list_ofAnUnknownUser_isNoSuchEntity() {
        assertIamError(() -> keys.list(root(), "nobody", PageRequest.first()), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void update_makesAKeyInactiveAndActiveAgain() {
        AccessKey key = keys.create(root(), "Alice").key();

        assertThat(keys.updateStatus(root(), "Alice", key.id(), AccessKeyStatus.INACTIVE).status())
                .isEqualTo(AccessKeyStatus.INACTIVE);
        assertThat(keys.updateStatus(root(), "Alice", key.id(), AccessKeyStatus.ACTIVE).status())
                .isEqualTo(AccessKeyStatus.ACTIVE);
    }

    @Test
    void update_withoutUserName_byAUser_updatesTheCallersOwnKey() {
        AccessKey key = keys.create(as(alice), null).key();

        assertThat(keys.updateStatus(as(alice), null, key.id(), AccessKeyStatus.INACTIVE).isActive()).isFalse();
    }

    @Test
    void update_ofAKeyThatBelongsToAnotherOwner_isNoSuchEntity() {
        User bob = fx.user("Bob");
        AccessKey bobs = keys.create(root(), "Bob").key();

        assertIamError(() -> keys.updateStatus(root(), "Alice", bobs.id(), AccessKeyStatus.INACTIVE),
                "NoSuchEntity", "The Access Key with id " + bobs.id() + " cannot be found.");
        // No user name from the root means the root user's keys, which Bob's key is not.
        assertIamError(() -> keys.updateStatus(root(), null, bobs.id(), AccessKeyStatus.INACTIVE),
                "NoSuchEntity", "The Access Key with id " + bobs.id() + " cannot be found.");
        assertIamError(() -> keys.updateStatus(as(alice), null, bobs.id(), AccessKeyStatus.INACTIVE),
                "NoSuchEntity", "The Access Key with id " + bobs.id() + " cannot be found.");
        assertThat(keys.list(as(bob), null, PageRequest.first()).items().get(0).isActive()).isTrue();
    }

    @Test
    void update_ofAnUnknownKey_isNoSuchEntity() {
        assertIamError(() -> keys.updateStatus(root(), "Alice", "AKIAIOSFODNN7EXAMPLE", AccessKeyStatus.ACTIVE),
                "NoSuchEntity", "The Access Key with id AKIAIOSFODNN7EXAMPLE cannot be found.");
    }

    @Test
    void update_forAnUnknownUser_isNoSuchEntityForTheUser() {
        AccessKey key = keys.create(root(), "Alice").key();

        assertIamError(() -> keys.updateStatus(root(), "nobody", key.id(), AccessKeyStatus.ACTIVE), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void delete_removesTheKeyForGood() {
        AccessKey key = keys.create(root(), "Alice").key();

        keys.delete(root(), "Alice", key.id());

        assertThat(keys.list(root(), "Alice", PageRequest.first()).items()).isEmpty();
        assertIamError(() -> keys.delete(root(), "Alice", key.id()), "NoSuchEntity",
                "The Access Key with id " + key.id() + " cannot be found.");
        assertIamError(() -> keys.lastUsed(root(), key.id()), "AccessDenied", "User: " + root().arn()
                + " is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key " + key.id());
    }

    @Test
    void delete_ofAnotherAccountsKey_isNoSuchEntity() {
        Principal otherRoot = Principal.root(OTHER_ACCOUNT, "AKIAOTHEROTHEROTHER1");
        AccessKey foreign = keys.create(otherRoot, null).key();

        assertIamError(() -> keys.delete(root(), null, foreign.id()), "NoSuchEntity",
                "The Access Key with id " + foreign.id() + " cannot be found.");
        assertThat(keys.list(otherRoot, null, PageRequest.first()).items()).hasSize(1);
    }

    @Test
    void lastUsed_ofANeverUsedKey_hasTheOwnerAndNoUse() {
        AccessKey key = keys.create(root(), "Alice").key();

        AccessKey answer = keys.lastUsed(root(), key.id());

        assertThat(answer.userName()).isEqualTo("Alice");
        assertThat(answer.lastUsed()).isNull();
    }

    @Test
    void lastUsed_mayBeAskedAboutAnyKeyOfTheAccount_butAnotherAccountsIsAccessDenied() {
        AccessKey rootKey = keys.create(root(), null).key();
        AccessKey foreign = keys.create(Principal.root(OTHER_ACCOUNT, "AKIAOTHEROTHEROTHER1"), null).key();

        assertThat(keys.lastUsed(as(alice), rootKey.id()).isRoot()).isTrue();
        assertIamError(() -> keys.lastUsed(as(alice), foreign.id()), "AccessDenied", "User: " + as(alice).arn()
                + " is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key " + foreign.id());
    }
}
