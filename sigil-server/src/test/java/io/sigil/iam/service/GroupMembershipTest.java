package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AddUserToGroup, RemoveUserFromGroup and ListGroupsForUser, with the GroupsPerUser quota of 10. */
class GroupMembershipTest {

    @RegisterExtension
    final FixturePerTest fixture = new FixturePerTest();
    private GroupService groups;
    private UserService users;

    @BeforeEach
    void open() {
        groups = fixture.groups();
        users = fixture.users();
        users.createUser(ACCOUNT, "bob", null, null, List.of());
        for (int i = 1; i <= 11; i++) {
            groups.createGroup(ACCOUNT, String.format("g%02d", i), null);
        }
    }

    private List<String> groupsOf(String user) {
        return groups.listGroupsForUser(ACCOUNT, user, PageRequest.first()).items().stream().map(Group::name)
                .toList();
    }

    @Test
    void addUserToGroup_makesTheUserAMemberFoundByEitherSide() {
        groups.addUserToGroup(ACCOUNT, "g01", "bob");

        assertThat(groupsOf("bob")).containsExactly("g01");
        assertThat(groups.getGroup(ACCOUNT, "g01", PageRequest.first()).users().items()).extracting(User::name)
                .containsExactly("bob");
    }

    @Test
    void addUserToGroup_namesMatchInAnyCase() {
        groups.addUserToGroup(ACCOUNT, "G01", "BOB");

        assertThat(groupsOf("bob")).containsExactly("g01");
    }

    @Test
    void addUserToGroup_twice_isNotAnErrorAndLeavesOneMembership() {
        groups.addUserToGroup(ACCOUNT, "g01", "bob");
        groups.addUserToGroup(ACCOUNT, "g01", "bob");

        assertThat(groupsOf("bob")).containsExactly("g01");
    }

    @Test
    void addUserToGroup_tenthGroupIsAllowedAndTheEleventhIsLimitExceeded() {
        for (int i = 1; i <= 9; i++) {
            groups.addUserToGroup(ACCOUNT, String.format("g%02d", i), "bob");
        }
        groups.addUserToGroup(ACCOUNT, "g10", "bob");

        assertIamError(() -> groups.addUserToGroup(ACCOUNT, "g11", "bob"), "LimitExceeded",
                "Cannot exceed quota for GroupsPerUser: 10");
        assertThat(groupsOf("bob")).hasSize(10).doesNotContain("g11");
    }

    @Test
    void addUserToGroup_atTheQuota_reAddingAnExistingMembershipIsStillFine() {
        for (int i = 1; i <= 10; i++) {
            groups.addUserToGroup(ACCOUNT, String.format("g%02d", i), "bob");
        }

        groups.addUserToGroup(ACCOUNT, "g10", "bob");

        assertThat(groupsOf("bob")).hasSize(10);
    }

    @Test
    void addUserToGroup_unknownGroupOrUser_isNoSuchEntityNamingIt() {
        assertIamError(() -> groups.addUserToGroup(ACCOUNT, "nope", "bob"), "NoSuchEntity",
                "The group with name nope cannot be found.");
        assertIamError(() -> groups.addUserToGroup(ACCOUNT, "g01", "nobody"), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void removeUserFromGroup_endsTheMembership() {
        groups.addUserToGroup(ACCOUNT, "g01", "bob");
        groups.addUserToGroup(ACCOUNT, "g02", "bob");

        groups.removeUserFromGroup(ACCOUNT, "g01", "bob");

        assertThat(groupsOf("bob")).containsExactly("g02");
    }

    @Test
    void removeUserFromGroup_ofAUserWhoIsNotAMember_succeedsAndChangesNothing() {
        groups.removeUserFromGroup(ACCOUNT, "g01", "bob");

        assertThat(groups.listGroupsForUser(ACCOUNT, "bob", PageRequest.first()).items()).isEmpty();
    }

    @Test
    void removeUserFromGroup_withNeitherUserNorGroupThere_namesTheUser() {
        assertIamError(() -> groups.removeUserFromGroup(ACCOUNT, "no-group", "no-user"), "NoSuchEntity",
                "The user with name no-user cannot be found.");
    }

    @Test
    void removeUserFromGroup_unknownGroupOrUser_isNoSuchEntityNamingIt() {
        assertIamError(() -> groups.removeUserFromGroup(ACCOUNT, "nope", "bob"), "NoSuchEntity",
                "The group with name nope cannot be found.");
        assertIamError(() -> groups.removeUserFromGroup(ACCOUNT, "g01", "nobody"), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void listGroupsForUser_ordersByNameAndPages() {
        groups.addUserToGroup(ACCOUNT, "g03", "bob");
        groups.addUserToGroup(ACCOUNT, "g01", "bob");
        groups.addUserToGroup(ACCOUNT, "g02", "bob");

        Page<Group> first = groups.listGroupsForUser(ACCOUNT, "bob", PageRequest.of(2));
        Page<Group> rest = groups.listGroupsForUser(ACCOUNT, "bob", PageRequest.of(2).after(first.nextMarker()));

        assertThat(first.items()).extracting(Group::name).containsExactly("g01", "g02");
        assertThat(first.isTruncated()).isTrue();
        assertThat(rest.items()).extracting(Group::name).containsExactly("g03");
        assertThat(rest.isTruncated()).isFalse();
    }

    @Test
    void listGroupsForUser_ofAUserInNoGroup_isEmpty() {
        assertThat(groupsOf("bob")).isEmpty();
    }

    @Test
    void listGroupsForUser_unknownUser_isNoSuchEntity() {
        assertIamError(() -> groups.listGroupsForUser(ACCOUNT, "nobody", PageRequest.first()), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void renamingTheUser_keepsItsMemberships() {
        groups.addUserToGroup(ACCOUNT, "g01", "bob");

        users.updateUser(ACCOUNT, "bob", "robert", null);

        assertThat(groupsOf("robert")).containsExactly("g01");
        assertThat(groups.getGroup(ACCOUNT, "g01", PageRequest.first()).users().items()).extracting(User::name)
                .containsExactly("robert");
    }
}
