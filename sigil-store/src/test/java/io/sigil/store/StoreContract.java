package io.sigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.sigil.store.StoreAssertions.assertIamError;
import static io.sigil.store.StoreAssertions.race;

import io.sigil.iam.Ids;
import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyLastUsed;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.Account;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.TaggableKind;
import io.sigil.iam.model.User;
import io.sigil.iam.store.ChangeEvent;
import io.sigil.iam.store.EntityKind;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Subscription;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one behavioural suite of {@link Store}, run against every dialect by a subclass. Each test works in a fresh
 * account, so dialects that share a database between tests stay independent. Roles' and instance profiles' part of
 * the suite is in {@link RoleStoreContract}; login profiles', password policies' and MFA devices' part in
 * {@link CredentialStoreContract}; keys, certificates and service-specific credentials in {@link KeyStoreContract}
 * and {@link ServerCertificateStoreContract}; the account's STS preferences in {@link StsPreferencesStoreContract};
 * SAML providers in {@link SamlProviderStoreContract}; OpenID Connect providers in {@link OidcProviderStoreContract}.
 */
abstract class StoreContract implements RoleStoreContract, CredentialStoreContract, KeyStoreContract,
        ServerCertificateStoreContract, StsPreferencesStoreContract, AccountUsageStoreContract,
        AccessRecordStoreContract, DelegationStoreContract, SamlProviderStoreContract, OidcProviderStoreContract {

    /** A new store instance on this test's database (several calls in one test share the data). */
    protected abstract Store open(Limits limits);

    /** A store on the same database whose master key differs from {@link #open}'s. */
    protected abstract Store openWithOtherMasterKey();

    /** Fails if {@code secret} can be found in clear anywhere the store keeps access keys. */
    protected abstract void assertNotStoredInClear(String accessKeyId, String secret) throws Exception;

    protected Store store;
    protected String acct;
    protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<Store> opened = new ArrayList<>();

    @BeforeEach
    void openStoreWithAnAccount() {
        store = track(open(Limits.AWS_DEFAULTS));
        acct = Ids.accountId();
        store.write(tx -> tx.accounts().create(Account.create(acct, now)));
    }

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
    }

    @Override
    public Store store() {
        return store;
    }

    @Override
    public String account() {
        return acct;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Store openWith(Limits limits) {
        return track(open(limits));
    }

    @Override
    public Store openWithAnotherMasterKey() {
        return track(openWithOtherMasterKey());
    }

    protected Store track(Store s) {
        opened.add(s);
        return s;
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    protected User user(String name, String path, Tag... tags) {
        return User.create(acct, name, path, Ids.userId(), now, null, List.of(tags));
    }

    protected User createUser(String name) {
        return store.inTransaction(tx -> tx.users().create(user(name, "/")));
    }

    protected Group createGroup(String name) {
        return store.inTransaction(tx -> tx.groups().create(Group.create(acct, name, "/", Ids.groupId(), now)));
    }

    protected AccessKey createKey(User owner, String secret) {
        AccessKey key = new AccessKey(acct, Ids.accessKeyId(), owner.id(), owner.name(), AccessKeyStatus.ACTIVE, now,
                null);
        return store.inTransaction(tx -> tx.accessKeys().create(key, secret));
    }

    protected Optional<User> findUser(String accountId, String name) {
        return store.read(tx -> tx.users().find(accountId, name));
    }

    // ---- users ----------------------------------------------------------------------------------------------

    @Test
    void createdUser_isFoundByNameInAnyCase_withIdArnPathAndTags() {
        User created = store.inTransaction(tx -> tx.users().create(
                user("Bob", "/division_abc/subdivision_xyz/", new Tag("Dept", "eng"), new Tag("cost", ""))));
        User found = store.read(tx -> tx.users().get(acct, "bOB"));
        assertThat(found).isEqualTo(created);
        assertThat(found.name()).isEqualTo("Bob");
        assertThat(found.id()).matches("AIDA[A-Z2-7]{17}");
        assertThat(found.arn()).isEqualTo("arn:aws:iam::" + acct + ":user/division_abc/subdivision_xyz/Bob");
        assertThat(found.createDate()).isEqualTo(now);
        assertThat(found.tags()).containsExactly(new Tag("cost", ""), new Tag("Dept", "eng"));
        Optional<User> byId = store.read(tx -> tx.users().findById(found.id()));
        assertThat(byId).contains(found);
    }

    @Test
    void userNames_areUniqueCaseInsensitively_soAnotherCaseIsEntityAlreadyExists() {
        createUser("Alice");
        assertIamError(() -> createUser("ALICE"), "EntityAlreadyExists", "User with name ALICE already exists.");
        assertThat(store.read(tx -> tx.users().list(acct, PageRequest.first())).items())
                .extracting(User::name).containsExactly("Alice");
    }

    @Test
    void sameUserNameInAnotherAccount_isAllowed() {
        createUser("Alice");
        String other = Ids.accountId();
        store.write(tx -> tx.accounts().create(Account.create(other, now)));
        store.write(tx -> tx.users().create(User.create(other, "alice", "/", Ids.userId(), now, null, List.of())));
        assertThat(findUser(other, "ALICE")).isPresent();
    }

    @Test
    void missingUser_isNoSuchEntityWithAwsMessage() {
        assertIamError(() -> store.read(tx -> tx.users().get(acct, "ghost")), "NoSuchEntity",
                "The user with name ghost cannot be found.");
    }

    @Test
    void updateUser_renamesAndMoves_keepingIdAndIncreasingVersion() {
        User bob = createUser("Bob");
        User moved = store.inTransaction(tx -> tx.users().update(bob.renamed("Robert", "/eng/")
                .withPermissionsBoundary("arn:aws:iam::" + acct + ":policy/Boundary")));
        assertThat(moved.id()).isEqualTo(bob.id());
        assertThat(moved.version()).isEqualTo(bob.version() + 1);
        assertThat(moved.arn()).isEqualTo("arn:aws:iam::" + acct + ":user/eng/Robert");
        assertThat(moved.permissionsBoundaryArn()).endsWith(":policy/Boundary");
        assertThat(findUser(acct, "Bob")).isEmpty();
    }

    @Test
    void updateFromAStaleRead_isConcurrentModification() {
        User bob = createUser("Bob");
        store.write(tx -> tx.users().update(bob.renamed("Bobby", "/")));
        assertIamError(() -> store.write(tx -> tx.users().update(bob.renamed("Robert", "/"))),
                "ConcurrentModification", null);
        assertThat(store.read(tx -> tx.users().get(acct, "Bobby")).version()).isEqualTo(1);
    }

    @Test
    void renameOntoAnotherUsersNameInAnyCase_isEntityAlreadyExists() {
        createUser("Alice");
        User bob = createUser("Bob");
        assertIamError(() -> store.write(tx -> tx.users().update(bob.renamed("aLiCe", "/"))),
                "EntityAlreadyExists", null);
    }

    @Test
    void deletedUser_isGone_andItsNameCanBeReusedWithANewId() {
        User first = createUser("Carol");
        store.write(tx -> tx.tags().tag(acct, TaggableKind.USER, "Carol", List.of(new Tag("k", "v"))));
        store.write(tx -> tx.users().delete(acct, "carol"));
        assertThat(findUser(acct, "Carol")).isEmpty();
        User second = createUser("Carol");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.tags()).isEmpty();
    }

    @Test
    void usersPerAccountQuota_refusesTheCreateBeyondIt() {
        Store small = track(open(Limits.AWS_DEFAULTS.withUsersPerAccount(2)));
        small.write(tx -> tx.users().create(user("u1", "/")));
        small.write(tx -> tx.users().create(user("u2", "/")));
        assertIamError(() -> small.write(tx -> tx.users().create(user("u3", "/"))), "LimitExceeded",
                "Cannot exceed quota for UsersPerAccount: 2");
    }

    // ---- paging ---------------------------------------------------------------------------------------------

    @Test
    void listUsers_pagesByMarkerInCaseInsensitiveNameOrder_untilNotTruncated() {
        for (String n : List.of("delta", "Alpha", "echo", "Charlie", "bravo", "golf", "Foxtrot")) {
            createUser(n);
        }
        List<String> seen = new ArrayList<>();
        List<Boolean> truncation = new ArrayList<>();
        PageRequest req = PageRequest.of(3);
        while (true) {
            PageRequest r = req;
            Page<User> page = store.read(tx -> tx.users().list(acct, r));
            page.items().forEach(u -> seen.add(u.name()));
            truncation.add(page.isTruncated());
            if (!page.isTruncated()) {
                break;
            }
            req = req.after(page.nextMarker());
        }
        assertThat(seen).containsExactly("Alpha", "bravo", "Charlie", "delta", "echo", "Foxtrot", "golf");
        assertThat(truncation).containsExactly(true, true, false);
    }

    @Test
    void aPageExactlyFull_isNotTruncated() {
        createUser("a");
        createUser("b");
        Page<User> page = store.read(tx -> tx.users().list(acct, PageRequest.of(2)));
        assertThat(page.items()).hasSize(2);
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.nextMarker()).isNull();
    }

    @Test
    void listUsers_withPathPrefix_returnsOnlyPathsStartingWithIt() {
        store.write(tx -> {
            tx.users().create(user("root1", "/"));
            tx.users().create(user("eng1", "/eng/"));
            tx.users().create(user("eng2", "/eng/backend/"));
            tx.users().create(user("engx", "/engineering/"));
        });
        PageRequest eng = PageRequest.first().withPathPrefix("/eng/");
        assertThat(store.read(tx -> tx.users().list(acct, eng)).items()).extracting(User::name)
                .containsExactly("eng1", "eng2");
        PageRequest under = PageRequest.first().withPathPrefix("/eng_");
        assertThat(store.read(tx -> tx.users().list(acct, under)).items()).isEmpty();
    }

    @Test
    void aMarkerThatIsNotOurs_isInvalidInput() {
        assertIamError(() -> store.read(tx -> tx.users().list(acct, PageRequest.of(5).after("not-a-marker"))),
                "InvalidInput", null);
    }

    // ---- groups and membership ------------------------------------------------------------------------------

    @Test
    void groups_areCreatedFoundRenamedAndDeleted_withCaseInsensitiveNames() {
        Group g = createGroup("Admins");
        assertThat(g.id()).matches("AGPA[A-Z2-7]{17}");
        assertThat(g.arn()).isEqualTo("arn:aws:iam::" + acct + ":group/Admins");
        assertIamError(() -> createGroup("ADMINS"), "EntityAlreadyExists", "Group with name ADMINS already exists.");
        Group renamed = store.inTransaction(tx -> tx.groups().update(g.renamed("Operators", "/ops/")));
        assertThat(renamed.id()).isEqualTo(g.id());
        assertThat(store.read(tx -> tx.groups().get(acct, "operators")).path()).isEqualTo("/ops/");
        store.write(tx -> tx.groups().delete(acct, "Operators"));
        assertIamError(() -> store.read(tx -> tx.groups().get(acct, "Operators")), "NoSuchEntity",
                "The group with name Operators cannot be found.");
    }

    @Test
    void membership_isListedBothWays_addingTwiceIsHarmless_andRemovalReportsWhetherItWasThere() {
        createUser("ann");
        createUser("Ben");
        createGroup("devs");
        createGroup("Ops");
        store.write(tx -> {
            tx.groups().addUser(acct, "devs", "ann");
            tx.groups().addUser(acct, "DEVS", "ANN");
            tx.groups().addUser(acct, "devs", "Ben");
            tx.groups().addUser(acct, "Ops", "ann");
        });
        assertThat(store.read(tx -> tx.groups().members(acct, "devs", PageRequest.first())).items())
                .extracting(User::name).containsExactly("ann", "Ben");
        Page<Group> annsFirst = store.read(tx -> tx.groups().listForUser(acct, "ann", PageRequest.of(1)));
        assertThat(annsFirst.isTruncated()).isTrue();
        assertThat(annsFirst.items()).extracting(Group::name).containsExactly("devs");
        boolean removed = store.inTransaction(tx -> tx.groups().removeUser(acct, "devs", "ann"));
        boolean removedAgain = store.inTransaction(tx -> tx.groups().removeUser(acct, "devs", "ann"));
        assertThat(removed).isTrue();
        assertThat(removedAgain).isFalse();
        assertThat(store.read(tx -> tx.groups().members(acct, "devs", PageRequest.first())).items())
                .extracting(User::name).containsExactly("Ben");
    }

    @Test
    void aUserInTenGroups_cannotJoinAnEleventh() {
        createUser("joiner");
        for (int i = 0; i < 11; i++) {
            createGroup("g" + i);
        }
        for (int i = 0; i < 10; i++) {
            int n = i;
            store.write(tx -> tx.groups().addUser(acct, "g" + n, "joiner"));
        }
        assertIamError(() -> store.write(tx -> tx.groups().addUser(acct, "g10", "joiner")), "LimitExceeded",
                "Cannot exceed quota for GroupsPerUser: 10");
    }

    @Test
    void deleteGroup_withMembersOrPolicies_isDeleteConflict() {
        createUser("m");
        createGroup("team");
        store.write(tx -> tx.groups().addUser(acct, "team", "m"));
        assertIamError(() -> store.write(tx -> tx.groups().delete(acct, "team")), "DeleteConflict",
                "Cannot delete entity, must remove users from group first.");
        store.write(tx -> tx.groups().removeUser(acct, "team", "m"));
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(acct, PolicyOwnerKind.GROUP, "team", "p", "{}")));
        assertIamError(() -> store.write(tx -> tx.groups().delete(acct, "team")), "DeleteConflict",
                "Cannot delete entity, must delete policies first.");
    }

    // ---- delete conflicts of users --------------------------------------------------------------------------

    @Test
    void deleteUser_withKeysPoliciesOrGroups_isDeleteConflict_untilEachIsRemoved() {
        User dave = createUser("dave");
        AccessKey key = createKey(dave, Ids.secretAccessKey());
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(acct, PolicyOwnerKind.USER, "dave", "p", "{}")));
        createGroup("g");
        store.write(tx -> tx.groups().addUser(acct, "g", "dave"));
        ThrowingCallable delete = () -> store.write(tx -> tx.users().delete(acct, "dave"));

        assertIamError(delete, "DeleteConflict", "Cannot delete entity, must delete access keys first.");
        store.write(tx -> tx.accessKeys().delete(acct, key.id()));
        assertIamError(delete, "DeleteConflict", "Cannot delete entity, must delete policies first.");
        store.write(tx -> tx.inlinePolicies().delete(acct, PolicyOwnerKind.USER, "dave", "p"));
        assertIamError(delete, "DeleteConflict", "Cannot delete entity, must remove users from group first.");
        store.write(tx -> tx.groups().removeUser(acct, "g", "dave"));
        store.write(tx -> tx.users().delete(acct, "dave"));
        assertThat(findUser(acct, "dave")).isEmpty();
    }

    // ---- access keys ----------------------------------------------------------------------------------------

    @Test
    void accessKeys_areCreatedListedDeactivatedUsedAndDeleted() {
        User erin = createUser("erin");
        String secret = Ids.secretAccessKey();
        AccessKey key = createKey(erin, secret);
        assertThat(key.id()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.userName()).isEqualTo("erin");
        assertThat(key.isActive()).isTrue();
        assertThat(store.read(tx -> tx.accessKeys().findWithSecret(key.id())).orElseThrow().secretAccessKey())
                .isEqualTo(secret);
        assertThat(store.read(tx -> tx.accessKeys().list(acct, "ERIN", PageRequest.first())).items())
                .containsExactly(key);

        AccessKey inactive = store.inTransaction(tx ->
                tx.accessKeys().updateStatus(acct, key.id(), AccessKeyStatus.INACTIVE));
        assertThat(inactive.status()).isEqualTo(AccessKeyStatus.INACTIVE);
        AccessKeyLastUsed used = new AccessKeyLastUsed(now, "s3", "N/A");
        store.write(tx -> tx.accessKeys().recordUse(key.id(), used));
        assertThat(store.read(tx -> tx.accessKeys().get(key.id())).lastUsed()).isEqualTo(used);

        store.write(tx -> tx.accessKeys().delete(acct, key.id()));
        assertIamError(() -> store.read(tx -> tx.accessKeys().get(key.id())), "NoSuchEntity",
                "The Access Key with id " + key.id() + " cannot be found.");
        assertIamError(() -> store.write(tx -> tx.accessKeys().delete(acct, key.id())), "NoSuchEntity", null);
    }

    @Test
    void aThirdAccessKey_isLimitExceeded_forUsersAndForRoot() {
        User frank = createUser("frank");
        createKey(frank, Ids.secretAccessKey());
        createKey(frank, Ids.secretAccessKey());
        assertIamError(() -> createKey(frank, Ids.secretAccessKey()), "LimitExceeded",
                "Cannot exceed quota for AccessKeysPerUser: 2");
        Supplier<AccessKey> rootKey = () -> new AccessKey(acct, Ids.accessKeyId(), null, null,
                AccessKeyStatus.ACTIVE, now, null);
        store.write(tx -> tx.accessKeys().create(rootKey.get(), Ids.secretAccessKey()));
        store.write(tx -> tx.accessKeys().create(rootKey.get(), Ids.secretAccessKey()));
        assertIamError(() -> store.write(tx -> tx.accessKeys().create(rootKey.get(), Ids.secretAccessKey())),
                "LimitExceeded", null);
        assertThat(store.read(tx -> tx.accessKeys().list(acct, null, PageRequest.first())).items())
                .allMatch(AccessKey::isRoot).hasSize(2);
    }

    @Test
    void secretAccessKeys_areEncryptedAtRest() throws Exception {
        User gina = createUser("gina");
        String secret = Ids.secretAccessKey();
        AccessKey key = createKey(gina, secret);
        assertNotStoredInClear(key.id(), secret);
    }

    @Test
    void aSecretSealedUnderAnotherMasterKey_isServiceFailure_notTheSecret() {
        User lee = createUser("lee");
        AccessKey key = createKey(lee, Ids.secretAccessKey());
        Store wrongKey = track(openWithOtherMasterKey());
        assertIamError(() -> wrongKey.read(tx -> tx.accessKeys().findWithSecret(key.id())), "ServiceFailure", null);
    }

    // ---- inline policies ------------------------------------------------------------------------------------

    @Test
    void inlinePolicies_keepTheDocumentAsSubmitted_andAPutUnderAnotherCaseReplaces() {
        createUser("hank");
        String doc = "{\n  \"Version\": \"2012-10-17\",\t\"Statement\": [] }  ";
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(acct, PolicyOwnerKind.USER, "hank", "Read", doc)));
        assertThat(store.read(tx -> tx.inlinePolicies().get(acct, PolicyOwnerKind.USER, "HANK", "read")).document())
                .isEqualTo(doc);
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(acct, PolicyOwnerKind.USER, "hank", "READ", "{}")));
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(acct, PolicyOwnerKind.USER, "hank", "b", "{}")));
        List<InlinePolicy> all = store.read(tx -> tx.inlinePolicies().all(acct, PolicyOwnerKind.USER, "hank"));
        assertThat(all)
                .extracting(InlinePolicy::name, InlinePolicy::document)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "{}"),
                        org.assertj.core.groups.Tuple.tuple("READ", "{}"));
        Page<String> first = store.read(tx ->
                tx.inlinePolicies().listNames(acct, PolicyOwnerKind.USER, "hank", PageRequest.of(1)));
        assertThat(first.items()).containsExactly("b");
        assertThat(store.read(tx -> tx.inlinePolicies().listNames(acct, PolicyOwnerKind.USER, "hank",
                PageRequest.of(1).after(first.nextMarker()))).items()).containsExactly("READ");
    }

    @Test
    void missingInlinePolicyOrOwner_isNoSuchEntityNamingWhatIsMissing() {
        createGroup("grp");
        assertIamError(() -> store.read(tx -> tx.inlinePolicies().get(acct, PolicyOwnerKind.GROUP, "grp", "nope")),
                "NoSuchEntity", "The group policy with name nope cannot be found.");
        assertIamError(() -> store.write(tx -> tx.inlinePolicies().put(
                new InlinePolicy(acct, PolicyOwnerKind.USER, "nobody", "p", "{}"))),
                "NoSuchEntity", "The user with name nobody cannot be found.");
        assertIamError(() -> store.write(tx -> tx.inlinePolicies().delete(acct, PolicyOwnerKind.GROUP, "grp", "p")),
                "NoSuchEntity", "The group policy with name p cannot be found.");
    }

    // ---- roles ----------------------------------------------------------------------------------------------

    @Test
    void roles_areCreatedUpdatedAndDeleted_andPoliciesBlockDeletion() {
        String trust = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}";
        Role role = store.inTransaction(tx -> tx.roles().create(Role.create(acct, "S3Access", "/app/",
                Ids.roleId(), now, trust, "reads", List.of(new Tag("team", "a")))));
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + acct + ":role/app/S3Access");
        assertThat(role.maxSessionDuration()).isEqualTo(3600);
        assertIamError(() -> store.write(tx -> tx.roles().create(Role.create(acct, "s3access", "/", Ids.roleId(),
                now, trust, null, List.of()))), "EntityAlreadyExists", "Role with name s3access already exists.");
        Role updated = store.inTransaction(tx -> tx.roles().update(role.withDescription("reads more", 7200)));
        Role reread = store.read(tx -> tx.roles().get(acct, "S3ACCESS"));
        assertThat(reread).isEqualTo(updated)
                .extracting(Role::maxSessionDuration, Role::version).containsExactly(7200, 1L);
        store.write(tx -> tx.inlinePolicies().put(new InlinePolicy(acct, PolicyOwnerKind.ROLE, "S3Access", "p", "{}")));
        assertIamError(() -> store.write(tx -> tx.roles().delete(acct, "S3Access")), "DeleteConflict", null);
        store.write(tx -> tx.inlinePolicies().delete(acct, PolicyOwnerKind.ROLE, "S3Access", "P"));
        store.write(tx -> tx.roles().delete(acct, "S3Access"));
        Optional<Role> gone = store.read(tx -> tx.roles().find(acct, "S3Access"));
        assertThat(gone).isEmpty();
    }

    @Test
    void listingsOfUsersRolesAndGroupMembers_leaveTagsOut_whileGetHasThem() {
        String trust = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}";
        store.write(tx -> tx.users().create(user("tagged", "/", new Tag("team", "blue"))));
        store.write(tx -> tx.roles().create(Role.create(acct, "TaggedRole", "/", Ids.roleId(), now, trust, null,
                List.of(new Tag("tier", "front")))));
        createGroup("Crew");
        store.write(tx -> tx.groups().addUser(acct, "Crew", "tagged"));
        User listed = store.read(tx -> tx.users().list(acct, PageRequest.first())).items().get(0);
        Role listedRole = store.read(tx -> tx.roles().list(acct, PageRequest.first())).items().get(0);
        User member = store.read(tx -> tx.groups().members(acct, "Crew", PageRequest.first())).items().get(0);
        assertThat(List.of(listed.name(), listedRole.name(), member.name()))
                .containsExactly("tagged", "TaggedRole", "tagged");
        assertThat(listed.tags()).isEmpty();
        assertThat(listedRole.tags()).isEmpty();
        assertThat(member.tags()).isEmpty();
        assertThat(store.read(tx -> tx.users().get(acct, "tagged")).tags()).containsExactly(new Tag("team", "blue"));
        assertThat(store.read(tx -> tx.roles().get(acct, "TaggedRole")).tags())
                .containsExactly(new Tag("tier", "front"));
    }

    // ---- tags -----------------------------------------------------------------------------------------------

    @Test
    void tagKeys_matchCaseInsensitively_soRetaggingReplacesValueAndSpelling() {
        store.write(tx -> tx.users().create(user("ivy", "/", new Tag("Department", "finance"))));
        store.write(tx -> tx.tags().tag(acct, TaggableKind.USER, "ivy",
                List.of(new Tag("department", "hr"), new Tag("Team", "x"))));
        assertThat(store.read(tx -> tx.tags().list(acct, TaggableKind.USER, "ivy", PageRequest.first())).items())
                .containsExactly(new Tag("department", "hr"), new Tag("Team", "x"));
        store.write(tx -> tx.tags().untag(acct, TaggableKind.USER, "ivy", List.of("TEAM", "absent")));
        assertThat(store.read(tx -> tx.users().get(acct, "ivy")).tags()).containsExactly(new Tag("department", "hr"));
    }

    @Test
    void duplicateTagKeysInOneRequest_isInvalidInput_andTheFiftyFirstTagIsLimitExceeded() {
        createUser("jay");
        assertIamError(() -> store.write(tx -> tx.tags().tag(acct, TaggableKind.USER, "jay",
                List.of(new Tag("a", "1"), new Tag("A", "2")))), "InvalidInput",
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Tag("k" + i, "v"));
        }
        store.write(tx -> tx.tags().tag(acct, TaggableKind.USER, "jay", fifty));
        store.write(tx -> tx.tags().tag(acct, TaggableKind.USER, "jay", List.of(new Tag("K0", "again"))));
        assertIamError(() -> store.write(tx -> tx.tags().tag(acct, TaggableKind.USER, "jay",
                List.of(new Tag("k50", "v")))), "LimitExceeded", "Cannot exceed quota for TagsPerUser: 50");
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    @Test
    void accountAliases_areUniqueAcrossAccounts_andUpdatesAreVersioned() {
        Account a = store.read(tx -> tx.accounts().get(acct));
        String alias = "alias-" + acct;
        Account aliased = store.inTransaction(tx -> tx.accounts().update(a.withAlias(alias)));
        Optional<Account> byAlias = store.read(tx -> tx.accounts().findByAlias(alias));
        assertThat(byAlias).contains(aliased);
        String other = Ids.accountId();
        store.write(tx -> tx.accounts().create(Account.create(other, now)));
        Account o = store.read(tx -> tx.accounts().get(other));
        assertIamError(() -> store.write(tx -> tx.accounts().update(o.withAlias(alias))), "EntityAlreadyExists",
                null);
        assertIamError(() -> store.write(tx -> tx.accounts().update(a.withAlias("stale-" + acct))),
                "ConcurrentModification", null);
    }

    @Test
    void anAccountWithEntities_cannotBeDeleted_anEmptyOneCan() {
        createUser("stays");
        assertIamError(() -> store.write(tx -> tx.accounts().delete(acct)), "DeleteConflict", null);
        store.write(tx -> tx.users().delete(acct, "stays"));
        store.write(tx -> tx.accounts().delete(acct));
        Optional<Account> gone = store.read(tx -> tx.accounts().find(acct));
        assertThat(gone).isEmpty();
        assertIamError(() -> createUser("orphan"), "NoSuchEntity", "The account with id " + acct
                + " cannot be found.");
    }

    // ---- transactions, races, events ------------------------------------------------------------------------

    @Test
    void aTransactionThatThrowsHalfway_leavesNothingWritten() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.write(tx -> {
            User u = tx.users().create(user("half", "/", new Tag("t", "v")));
            tx.groups().create(Group.create(acct, "halfgroup", "/", Ids.groupId(), now));
            tx.accessKeys().create(new AccessKey(acct, Ids.accessKeyId(), u.id(), u.name(), AccessKeyStatus.ACTIVE,
                    now, null), Ids.secretAccessKey());
            throw boom;
        })).isSameAs(boom);
        assertIamError(() -> store.write(tx -> {
            tx.users().create(user("half", "/"));
            tx.users().create(user("HALF", "/"));
        }), "EntityAlreadyExists", null);
        store.read(tx -> {
            assertThat(tx.users().find(acct, "half")).isEmpty();
            assertThat(tx.groups().find(acct, "halfgroup")).isEmpty();
            assertThat(tx.accessKeys().list(acct, null, PageRequest.first()).items()).isEmpty();
            return null;
        });
    }

    @Test
    void aWriteInsideARead_isRefused() {
        assertThatThrownBy(() -> store.read(tx -> tx.users().create(user("sneaky", "/"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(findUser(acct, "sneaky")).isEmpty();
    }

    @Test
    void eightThreadsCreatingOneNameInDifferentCases_exactlyOneSucceeds() throws Exception {
        List<Object> outcomes = race(8, i -> {
            String name = i % 2 == 0 ? "Racer" : "RACER";
            return store.inTransaction(tx -> tx.users().create(user(name, "/")));
        });
        assertThat(outcomes).filteredOn(o -> o instanceof User).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof IamException e && e.code().equals("EntityAlreadyExists"))
                .hasSize(7);
        assertThat(store.read(tx -> tx.users().list(acct, PageRequest.first())).items()).hasSize(1);
    }

    @Test
    void eightThreadsCreatingKeysForOneUser_neverExceedTheQuotaOfTwo() throws Exception {
        User racer = createUser("keyracer");
        List<Object> outcomes = race(8, i -> createKey(racer, Ids.secretAccessKey()));
        assertThat(outcomes).filteredOn(o -> o instanceof AccessKey).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o instanceof IamException e && e.code().equals("LimitExceeded"))
                .hasSize(6);
    }

    @Test
    void subscribers_hearEachCommittedWrite_andNothingOfARolledBackOne() throws Exception {
        List<ChangeEvent> heard = new CopyOnWriteArrayList<>();
        try (Subscription unused = store.subscribe(heard::add)) {
            assertThat(unused).isNotNull();
            assertThatThrownBy(() -> store.write(tx -> {
                tx.users().create(user("ghost", "/"));
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);
            User kim = createUser("kim");
            ChangeEvent expected = new ChangeEvent(EntityKind.USER, acct, kim.id());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!heard.contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(heard).contains(expected);
            assertThat(heard).allMatch(e -> e.equals(expected) || !e.kind().equals(EntityKind.USER));
        }
    }
}
