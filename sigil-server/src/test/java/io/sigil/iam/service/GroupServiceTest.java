package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GroupService against a real SQLite store: the group lifecycle and its members. */
class GroupServiceTest {

    @RegisterExtension
    final FixturePerTest fixture = new FixturePerTest();
    private GroupService groups;
    private UserService users;

    @BeforeEach
    void open() {
        groups = fixture.groups();
        users = fixture.users();
    }

    private Group group(String name) {
        return groups.createGroup(ACCOUNT, name, null);
    }

    private void user(String name) {
        users.createUser(ACCOUNT, name, null, null, List.of());
    }

    // ---- CreateGroup / GetGroup / ListGroups ------------------------------------------------------------------

    @Test
    void createGroup_withoutPath_defaultsToSlashWithAnAgpaIdAndTheGroupArn() {
        Group admins = group("Admins");

        assertThat(admins.path()).isEqualTo("/");
        assertThat(admins.id()).startsWith("AGPA").hasSize(21);
        assertThat(admins.arn()).isEqualTo("arn:aws:iam::123456789012:group/Admins");
        assertThat(admins.createDate()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
    }

    @Test
    void createGroup_withAPath_putsItInTheArn() {
        assertThat(groups.createGroup(ACCOUNT, "ops", "/eng/ops/").arn())
                .isEqualTo("arn:aws:iam::123456789012:group/eng/ops/ops");
    }

    @Test
    void createGroup_nameTakenInAnotherCase_isEntityAlreadyExists() {
        group("ADMINS");

        assertIamError(() -> group("admins"), "EntityAlreadyExists", "Group with name admins already exists.");
    }

    @Test
    void createGroup_groupsPerAccountQuota_allowsTheLimitAndRefusesOneMore() {
        groups = fixture.reopen(new Limits(5000, 2, 1000, 2, 10, 50)).groups();
        group("g1");
        group("g2");

        assertIamError(() -> group("g3"), "LimitExceeded", "Cannot exceed quota for GroupsPerAccount: 2");
    }

    @Test
    void getGroup_unknownGroup_isNoSuchEntityInAwsWords() {
        assertIamError(() -> groups.getGroup(ACCOUNT, "nope", PageRequest.first()), "NoSuchEntity",
                "The group with name nope cannot be found.");
    }

    @Test
    void getGroup_ofAGroupInAnotherAccount_isNoSuchEntity() {
        groups.createGroup(OTHER_ACCOUNT, "theirs", null);

        assertIamError(() -> groups.getGroup(ACCOUNT, "theirs", PageRequest.first()), "NoSuchEntity", null);
    }

    @Test
    void getGroup_answersTheGroupAndItsMembersByNamePageByPage() {
        Group devs = group("Devs");
        for (String name : List.of("carol", "Alice", "bob", "dave", "erin")) {
            user(name);
            groups.addUserToGroup(ACCOUNT, "devs", name);
        }
        user("outsider");
        List<String> members = new ArrayList<>();
        PageRequest request = PageRequest.of(2);
        GroupMembers answer;
        do {
            answer = groups.getGroup(ACCOUNT, "DEVS", request);
            assertThat(answer.group()).isEqualTo(devs);
            answer.users().items().forEach(u -> members.add(u.name()));
            request = request.after(answer.users().nextMarker());
        } while (answer.users().isTruncated());

        assertThat(members).containsExactly("Alice", "bob", "carol", "dave", "erin");
    }

    @Test
    void getGroup_ofAnEmptyGroup_hasNoUsersAndIsNotTruncated() {
        group("empty");

        GroupMembers answer = groups.getGroup(ACCOUNT, "empty", PageRequest.first());

        assertThat(answer.users().items()).isEmpty();
        assertThat(answer.users().isTruncated()).isFalse();
    }

    @Test
    void listGroups_withAPathPrefix_listsOnlyMatchingPathsOrderedByName() {
        groups.createGroup(ACCOUNT, "b", "/eng/");
        groups.createGroup(ACCOUNT, "A", "/eng/ops/");
        groups.createGroup(ACCOUNT, "c", "/sales/");

        assertThat(groups.listGroups(ACCOUNT, PageRequest.first().withPathPrefix("/eng/")).items())
                .extracting(Group::name).containsExactly("A", "b");
        assertThat(groups.listGroups(ACCOUNT, PageRequest.first()).items()).extracting(Group::name)
                .containsExactly("A", "b", "c");
    }

    @Test
    void listGroups_pagedByMaxItems_visitsEveryGroupOnce() {
        for (int i = 0; i < 5; i++) {
            group("g" + i);
        }
        Page<Group> first = groups.listGroups(ACCOUNT, PageRequest.of(3));
        Page<Group> second = groups.listGroups(ACCOUNT, PageRequest.of(3).after(first.nextMarker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.nextMarker()).isNull();
        assertThat(first.items().size() + second.items().size()).isEqualTo(5);
        assertThat(second.items()).extracting(Group::name).containsExactly("g3", "g4");
    }

    // ---- UpdateGroup / DeleteGroup ----------------------------------------------------------------------------

    @Test
    void updateGroup_rename_keepsTheUniqueIdMembersAndPolicies() {
        Group managers = group("Managers");
        user("bob");
        groups.addUserToGroup(ACCOUNT, "Managers", "bob");
        fixture.fx().groupPolicy("Managers", "ReadOnly");

        Group mgrs = groups.updateGroup(ACCOUNT, "Managers", "MGRs", "/mgmt/");

        assertThat(mgrs.id()).isEqualTo(managers.id());
        assertThat(mgrs.arn()).isEqualTo("arn:aws:iam::123456789012:group/mgmt/MGRs");
        assertThat(groups.getGroup(ACCOUNT, "MGRs", PageRequest.first()).users().items()).extracting(User::name)
                .containsExactly("bob");
        assertIamError(() -> groups.getGroup(ACCOUNT, "Managers", PageRequest.first()), "NoSuchEntity", null);
        assertIamError(() -> groups.deleteGroup(ACCOUNT, "MGRs"), "DeleteConflict",
                "Cannot delete entity, must remove users from group first.");
    }

    @Test
    void updateGroup_toANameTakenInAnotherCase_isEntityAlreadyExists() {
        group("admins");
        group("devs");

        assertIamError(() -> groups.updateGroup(ACCOUNT, "devs", "Admins", null), "EntityAlreadyExists",
                "Group with name Admins already exists.");
    }

    @Test
    void updateGroup_withNeitherNewNameNorNewPath_leavesTheGroupAsItIs() {
        Group devs = group("devs");

        assertThat(groups.updateGroup(ACCOUNT, "devs", null, null)).isEqualTo(devs);
    }

    @Test
    void updateGroup_unknownGroup_isNoSuchEntity() {
        assertIamError(() -> groups.updateGroup(ACCOUNT, "nope", "yes", null), "NoSuchEntity",
                "The group with name nope cannot be found.");
    }

    @Test
    void deleteGroup_withMembers_isDeleteConflictUntilTheyAreRemoved() {
        group("devs");
        user("bob");
        groups.addUserToGroup(ACCOUNT, "devs", "bob");

        assertIamError(() -> groups.deleteGroup(ACCOUNT, "devs"), "DeleteConflict",
                "Cannot delete entity, must remove users from group first.");
        groups.removeUserFromGroup(ACCOUNT, "devs", "bob");
        groups.deleteGroup(ACCOUNT, "devs");
        assertIamError(() -> groups.getGroup(ACCOUNT, "devs", PageRequest.first()), "NoSuchEntity", null);
    }

    @Test
    void deleteGroup_withAnInlinePolicy_isDeleteConflict() {
        group("devs");
        fixture.fx().groupPolicy("devs", "ReadOnly");

        assertIamError(() -> groups.deleteGroup(ACCOUNT, "devs"), "DeleteConflict",
                "Cannot delete entity, must delete policies first.");
    }

    @Test
    void deleteGroup_unknownGroup_isNoSuchEntity() {
        assertIamError(() -> groups.deleteGroup(ACCOUNT, "nope"), "NoSuchEntity",
                "The group with name nope cannot be found.");
    }
}
