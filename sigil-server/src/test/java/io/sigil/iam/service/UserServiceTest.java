package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** UserService against a real SQLite store: CreateUser, ListUsers, UpdateUser, DeleteUser. */
class UserServiceTest {

    @RegisterExtension
    final FixturePerTest fixture = new FixturePerTest();
    private UserService users;

    @BeforeEach
    void open() {
        users = fixture.users();
    }

    // ---- CreateUser -----------------------------------------------------------------------------------------

    @Test
    void createUser_withoutPath_defaultsToSlashWithAnAidaIdAndTheUserArn() {
        User bob = fixture.createUser("Bob");

        assertThat(bob.path()).isEqualTo("/");
        assertThat(bob.id()).startsWith("AIDA").hasSize(21);
        assertThat(bob.arn()).isEqualTo("arn:aws:iam::123456789012:user/Bob");
        assertThat(bob.permissionsBoundaryArn()).isNull();
        assertThat(bob.tags()).isEmpty();
    }

    @Test
    void createUser_createDate_isTheClockToTheSecond() {
        assertThat(fixture.createUser("bob").createDate()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    }

    @Test
    void createUser_withPathAndTags_keepsThemAndGetUserReturnsThem() {
        List<Tag> tags = List.of(new Tag("team", "iam"), new Tag("cost", ""));
        User bob = users.createUser(ACCOUNT, "bob", "/division_abc/subdivision_xyz/", null, tags);

        assertThat(bob.arn()).isEqualTo("arn:aws:iam::123456789012:user/division_abc/subdivision_xyz/bob");
        assertThat(users.getUser(ACCOUNT, "bob").tags()).containsExactly(new Tag("cost", ""), new Tag("team", "iam"));
    }

    @Test
    void createUser_nameTakenInAnotherCase_isEntityAlreadyExistsNamingTheRequestedName() {
        fixture.createUser("TESTUSER");

        assertIamError(() -> fixture.createUser("testuser"), "EntityAlreadyExists",
                "User with name testuser already exists.");
    }

    @Test
    void createUser_sameNameInAnotherAccount_isAllowed() {
        fixture.createUser("bob");

        assertThat(users.createUser(OTHER_ACCOUNT, "bob", null, null, List.of()).accountId()).isEqualTo(OTHER_ACCOUNT);
    }

    @Test
    void createUser_recreatedAfterDelete_getsANewUniqueId() {
        User first = fixture.createUser("bob");
        users.deleteUser(ACCOUNT, "bob");

        assertThat(fixture.createUser("bob").id()).isNotEqualTo(first.id());
    }

    @Test
    void createUser_usersPerAccountQuota_allowsTheLimitAndRefusesOneMore() {
        users = fixture.reopen(Limits.AWS_DEFAULTS.withUsersPerAccount(3)).users();
        fixture.createUser("u1");
        fixture.createUser("u2");
        fixture.createUser("u3");

        assertIamError(() -> fixture.createUser("u4"), "LimitExceeded", "Cannot exceed quota for UsersPerAccount: 3");
        assertThat(users.listUsers(ACCOUNT, PageRequest.first()).items()).hasSize(3);
    }

    @Test
    void createUser_withDuplicateTagKeysInAnyCase_isInvalidInputAndCreatesNothing() {
        assertIamError(() -> users.createUser(ACCOUNT, "bob", null, null,
                        List.of(new Tag("Team", "a"), new Tag("team", "b"))), "InvalidInput",
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        assertIamError(() -> users.getUser(ACCOUNT, "bob"), "NoSuchEntity", null);
    }

    @Test
    void createUser_withATagKeyOrValueStartingWithAws_isInvalidInputAndCreatesNothing() {
        assertIamError(() -> users.createUser(ACCOUNT, "bob", null, null, List.of(new Tag("AWS:team", "x"))),
                "InvalidInput", null);
        assertIamError(() -> users.createUser(ACCOUNT, "bob", null, null, List.of(new Tag("team", "aws:x"))),
                "InvalidInput", null);
        assertIamError(() -> users.getUser(ACCOUNT, "bob"), "NoSuchEntity", null);
    }

    @Test
    void createUser_withAnAwsManagedBoundary_keepsItsArn() {
        String arn = "arn:aws:iam::aws:policy/PowerUserAccess";

        assertThat(users.createUser(ACCOUNT, "bob", null, arn, List.of()).permissionsBoundaryArn()).isEqualTo(arn);
        assertThat(users.getUser(ACCOUNT, "bob").permissionsBoundaryArn()).isEqualTo(arn);
    }

    @Test
    void createUser_withABoundaryOfTheAccountsOwnPolicy_keepsItsArn() {
        String arn = "arn:aws:iam::123456789012:policy/boundaries/DevBoundary";

        assertThat(users.createUser(ACCOUNT, "bob", null, arn, List.of()).permissionsBoundaryArn()).isEqualTo(arn);
    }

    @Test
    void createUser_withABoundaryPolicyOfAnotherAccount_isNoSuchEntityInAwsWords() {
        String arn = "arn:aws:iam::210987654321:policy/DemoUser";

        assertIamError(() -> users.createUser(ACCOUNT, "bob", null, arn, List.of()), "NoSuchEntity",
                "Scope ARN: arn:aws:iam::210987654321:policy/DemoUser does not exist or is not attachable.");
    }

    @Test
    void createUser_withABoundaryThatIsNotAPolicyArn_isInvalidInput() {
        String arn = "arn:aws:iam::123456789012:role/NotAPolicy";

        assertIamError(() -> users.createUser(ACCOUNT, "bob", null, arn, List.of()), "InvalidInput",
                "ARN arn:aws:iam::123456789012:role/NotAPolicy is not valid.");
        assertIamError(() -> users.getUser(ACCOUNT, "bob"), "NoSuchEntity", null);
    }

    // ---- ListUsers ------------------------------------------------------------------------------------------

    @Test
    void listUsers_ofAnEmptyAccount_isAnEmptyPageThatIsNotTruncated() {
        Page<User> page = users.listUsers(ACCOUNT, PageRequest.first());

        assertThat(page.items()).isEmpty();
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.nextMarker()).isNull();
    }

    @Test
    void listUsers_ordersByNameIgnoringCase() {
        fixture.createUser("charlie");
        fixture.createUser("Bob");
        fixture.createUser("alice");

        assertThat(users.listUsers(ACCOUNT, PageRequest.first()).items()).extracting(User::name)
                .containsExactly("alice", "Bob", "charlie");
    }

    @Test
    void listUsers_withAPathPrefix_listsOnlyPathsStartingWithIt() {
        users.createUser(ACCOUNT, "a", "/eng/", null, List.of());
        users.createUser(ACCOUNT, "b", "/eng/ops/", null, List.of());
        users.createUser(ACCOUNT, "c", "/engineering/", null, List.of());
        users.createUser(ACCOUNT, "d", "/sales/", null, List.of());

        assertThat(users.listUsers(ACCOUNT, PageRequest.first().withPathPrefix("/eng/")).items())
                .extracting(User::name).containsExactly("a", "b");
        assertThat(users.listUsers(ACCOUNT, PageRequest.first().withPathPrefix("/eng")).items())
                .extracting(User::name).containsExactly("a", "b", "c");
    }

    @Test
    void listUsers_pagedByMaxItems_visitsEveryUserOnceAndOnlyTheLastPageIsNotTruncated() {
        for (int i = 0; i < 7; i++) {
            fixture.createUser("user" + i);
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.of(3);
        List<Boolean> truncated = new ArrayList<>();
        while (true) {
            Page<User> page = users.listUsers(ACCOUNT, request);
            page.items().forEach(u -> seen.add(u.name()));
            truncated.add(page.isTruncated());
            if (!page.isTruncated()) {
                assertThat(page.nextMarker()).isNull();
                break;
            }
            request = request.after(page.nextMarker());
        }

        assertThat(seen).containsExactly("user0", "user1", "user2", "user3", "user4", "user5", "user6");
        assertThat(truncated).containsExactly(true, true, false);
    }

    @Test
    void listUsers_whenTheLastPageIsExactlyFull_isNotTruncated() {
        fixture.createUser("a");
        fixture.createUser("b");

        Page<User> page = users.listUsers(ACCOUNT, PageRequest.of(2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.isTruncated()).isFalse();
    }

    // ---- UpdateUser -----------------------------------------------------------------------------------------

    @Test
    void updateUser_rename_keepsTheUniqueIdTagsKeysPoliciesAndGroups() {
        User bob = users.createUser(ACCOUNT, "Bob", "/eng/", null, List.of(new Tag("team", "iam")));
        fixture.fx().accessKey(bob);
        fixture.fx().userPolicy("Bob", "ReadOnly");
        fixture.fx().groups().createGroup(ACCOUNT, "devs", null);
        fixture.fx().groups().addUserToGroup(ACCOUNT, "devs", "Bob");

        User robert = users.updateUser(ACCOUNT, "Bob", "Robert", null);

        assertThat(robert.id()).isEqualTo(bob.id());
        assertThat(robert.path()).isEqualTo("/eng/");
        assertThat(robert.arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/Robert");
        assertThat(users.getUser(ACCOUNT, "Robert").tags()).containsExactly(new Tag("team", "iam"));
        assertThat(fixture.fx().groups().listGroupsForUser(ACCOUNT, "Robert", PageRequest.first()).items()).hasSize(1);
        assertIamError(() -> users.getUser(ACCOUNT, "Bob"), "NoSuchEntity", "The user with name Bob cannot be found.");
        assertIamError(() -> users.deleteUser(ACCOUNT, "Robert"), "DeleteConflict",
                "Cannot delete entity, must delete access keys first.");
    }

    @Test
    void updateUser_newPathOnly_movesTheUserAndKeepsItsName() {
        fixture.createUser("bob");

        User moved = users.updateUser(ACCOUNT, "bob", null, "/ops/");

        assertThat(moved.name()).isEqualTo("bob");
        assertThat(moved.arn()).isEqualTo("arn:aws:iam::123456789012:user/ops/bob");
    }

    @Test
    void updateUser_withNeitherNewNameNorNewPath_leavesTheUserAsItIs() {
        User bob = fixture.createUser("bob");

        assertThat(users.updateUser(ACCOUNT, "bob", null, null)).isEqualTo(bob);
    }

    @Test
    void updateUser_toANameTakenInAnotherCase_isEntityAlreadyExists() {
        fixture.createUser("alice");
        fixture.createUser("bob");

        assertIamError(() -> users.updateUser(ACCOUNT, "bob", "ALICE", null), "EntityAlreadyExists",
                "User with name ALICE already exists.");
        assertThat(users.getUser(ACCOUNT, "bob").name()).isEqualTo("bob");
    }

    @Test
    void updateUser_toItsOwnNameInAnotherCase_changesTheSpelling() {
        fixture.createUser("bob");

        assertThat(users.updateUser(ACCOUNT, "bob", "Bob", null).name()).isEqualTo("Bob");
    }

    @Test
    void updateUser_unknownUser_isNoSuchEntity() {
        assertIamError(() -> users.updateUser(ACCOUNT, "nobody", "somebody", null), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    // ---- DeleteUser -----------------------------------------------------------------------------------------

    @Test
    void deleteUser_withNothingAttached_removesIt() {
        fixture.createUser("bob");

        users.deleteUser(ACCOUNT, "BOB");

        assertIamError(() -> users.getUser(ACCOUNT, "bob"), "NoSuchEntity", null);
    }

    @Test
    void deleteUser_unknownUser_isNoSuchEntity() {
        assertIamError(() -> users.deleteUser(ACCOUNT, "nobody"), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void deleteUser_whileItHasAnAccessKey_isDeleteConflictUntilTheKeyIsDeleted() {
        User bob = fixture.createUser("bob");
        String keyId = fixture.fx().accessKey(bob).id();

        assertIamError(() -> users.deleteUser(ACCOUNT, "bob"), "DeleteConflict",
                "Cannot delete entity, must delete access keys first.");
        fixture.fx().store.write(tx -> tx.accessKeys().delete(ACCOUNT, keyId));
        users.deleteUser(ACCOUNT, "bob");
    }

    @Test
    void deleteUser_whileItHasAnInlinePolicy_isDeleteConflict() {
        fixture.createUser("bob");
        fixture.fx().userPolicy("bob", "ReadOnly");

        assertIamError(() -> users.deleteUser(ACCOUNT, "bob"), "DeleteConflict",
                "Cannot delete entity, must delete policies first.");
    }

    @Test
    void deleteUser_whileInAGroup_isDeleteConflictUntilRemovedFromIt() {
        fixture.createUser("bob");
        fixture.fx().groups().createGroup(ACCOUNT, "devs", null);
        fixture.fx().groups().addUserToGroup(ACCOUNT, "devs", "bob");

        assertIamError(() -> users.deleteUser(ACCOUNT, "bob"), "DeleteConflict",
                "Cannot delete entity, must remove users from group first.");
        fixture.fx().groups().removeUserFromGroup(ACCOUNT, "devs", "bob");
        users.deleteUser(ACCOUNT, "bob");
    }

    @Test
    void deleteUser_withKeysPoliciesAndGroups_reportsTheAccessKeysFirstAsTheApiReferenceListsThem() {
        User bob = fixture.createUser("bob");
        fixture.fx().groups().createGroup(ACCOUNT, "devs", null);
        fixture.fx().groups().addUserToGroup(ACCOUNT, "devs", "bob");
        fixture.fx().userPolicy("bob", "ReadOnly");
        fixture.fx().accessKey(bob);

        assertIamError(() -> users.deleteUser(ACCOUNT, "bob"), "DeleteConflict",
                "Cannot delete entity, must delete access keys first.");
    }
}
