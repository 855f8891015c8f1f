package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.ACCOUNT;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.uniquePath;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, AddUserToGroup, RemoveUserFromGroup and
 * ListGroupsForUser through the AWS SDK against an in-process server.
 */
class GroupsSdkTest {

    private static SigilTestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        iam = server.rootIam();
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    @Test
    void createGroup_answersTheGroupWithDefaultPathAgpaIdAndArn() {
        Group g = iam.createGroup(r -> r.groupName("grp-plain")).group();

        assertThat(g.path()).isEqualTo("/");
        assertThat(g.groupName()).isEqualTo("grp-plain");
        assertThat(g.groupId()).startsWith("AGPA").hasSize(21);
        assertThat(g.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/grp-plain");
        assertThat(g.createDate()).isNotNull();
    }

    @Test
    void createGroup_nameTakenInAnotherCase_isEntityAlreadyExistsException() {
        iam.createGroup(r -> r.groupName("ADMINS"));

        awsError(() -> iam.createGroup(r -> r.groupName("admins")), EntityAlreadyExistsException.class, 409,
                "EntityAlreadyExists", "Group with name admins already exists.");
    }

    @Test
    void createGroup_nameOf128CharactersIsAllowedAnd129IsValidationError() {
        String n128 = "g".repeat(128);
        iam.createGroup(r -> r.groupName(n128));

        awsError(() -> iam.createGroup(r -> r.groupName(n128 + "g")), IamException.class, 400, "ValidationError",
                null);
    }

    @Test
    void getGroup_answersTheGroupAndItsUsersByNameWithoutTheirTags() {
        Group g = iam.createGroup(r -> r.groupName("grp-members").path("/eng/")).group();
        for (String name : new String[] {"gm-carol", "gm-Alice", "gm-bob"}) {
            iam.createUser(r -> r.userName(name).tags(Tag.builder().key("k").value("v").build()));
            iam.addUserToGroup(r -> r.groupName("grp-members").userName(name));
        }

        GetGroupResponse r = iam.getGroup(b -> b.groupName("GRP-MEMBERS"));

        assertThat(r.group()).isEqualTo(g);
        assertThat(r.users()).extracting(User::userName).containsExactly("gm-Alice", "gm-bob", "gm-carol");
        assertThat(r.users()).allSatisfy(u -> assertThat(u.hasTags()).isFalse());
        assertThat(r.isTruncated()).isFalse();
        assertThat(r.marker()).isNull();
    }

    @Test
    void getGroup_unknownGroup_isNoSuchEntityException() {
        awsError(() -> iam.getGroup(r -> r.groupName("grp-nope")), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The group with name grp-nope cannot be found.");
    }

    @Test
    void listGroups_byPathPrefix_ordersByName() {
        String path = uniquePath();
        iam.createGroup(r -> r.groupName("lg-b").path(path));
        iam.createGroup(r -> r.groupName("lg-A").path(path + "x/"));
        iam.createGroup(r -> r.groupName("lg-c").path(uniquePath()));

        assertThat(iam.listGroups(r -> r.pathPrefix(path)).groups()).extracting(Group::groupName)
                .containsExactly("lg-A", "lg-b");
    }

    @Test
    void updateGroup_renameAndMove_keepsIdAndMembers() {
        Group before = iam.createGroup(r -> r.groupName("grp-Managers")).group();
        iam.createUser(r -> r.userName("ug-bob"));
        iam.addUserToGroup(r -> r.groupName("grp-Managers").userName("ug-bob"));

        iam.updateGroup(r -> r.groupName("grp-managers").newGroupName("grp-MGRs").newPath("/mgmt/"));

        GetGroupResponse after = iam.getGroup(r -> r.groupName("grp-mgrs"));
        assertThat(after.group().groupId()).isEqualTo(before.groupId());
        assertThat(after.group().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":group/mgmt/grp-MGRs");
        assertThat(after.users()).extracting(User::userName).containsExactly("ug-bob");
        awsError(() -> iam.getGroup(r -> r.groupName("grp-Managers")), NoSuchEntityException.class, 404,
                "NoSuchEntity", null);
    }

    @Test
    void updateGroup_toATakenName_isEntityAlreadyExistsException_andUnknownGroupIsNoSuchEntityException() {
        iam.createGroup(r -> r.groupName("ug-taken"));
        iam.createGroup(r -> r.groupName("ug-mover"));

        awsError(() -> iam.updateGroup(r -> r.groupName("ug-mover").newGroupName("UG-TAKEN")),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "Group with name UG-TAKEN already exists.");
        awsError(() -> iam.updateGroup(r -> r.groupName("ug-nope").newPath("/x/")), NoSuchEntityException.class,
                404, "NoSuchEntity", "The group with name ug-nope cannot be found.");
    }

    @Test
    void deleteGroup_withMembersOrPolicies_isDeleteConflictExceptionUntilTheyAreGone() {
        iam.createGroup(r -> r.groupName("dg-team"));
        iam.createUser(r -> r.userName("dg-bob"));
        iam.addUserToGroup(r -> r.groupName("dg-team").userName("dg-bob"));
        server.app().store().write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.GROUP,
                "dg-team", "p", "{\"Version\":\"2012-10-17\",\"Statement\":[]}")));

        awsError(() -> iam.deleteGroup(r -> r.groupName("dg-team")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must remove users from group first.");
        iam.removeUserFromGroup(r -> r.groupName("dg-team").userName("dg-bob"));
        awsError(() -> iam.deleteGroup(r -> r.groupName("dg-team")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must delete policies first.");
        server.app().store().write(tx -> tx.inlinePolicies().delete(ACCOUNT, PolicyOwnerKind.GROUP, "dg-team", "p"));
        iam.deleteGroup(r -> r.groupName("dg-team"));
        awsError(() -> iam.deleteGroup(r -> r.groupName("dg-team")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The group with name dg-team cannot be found.");
    }

    @Test
    void addUserToGroup_tenGroupsAreAllowedAndTheEleventhIsLimitExceededException() {
        iam.createUser(r -> r.userName("quota-user"));
        for (int i = 1; i <= 11; i++) {
            String name = "quota-g" + i;
            iam.createGroup(r -> r.groupName(name));
            if (i <= 10) {
                iam.addUserToGroup(r -> r.groupName(name).userName("quota-user"));
            }
        }

        awsError(() -> iam.addUserToGroup(r -> r.groupName("quota-g11").userName("quota-user")),
                LimitExceededException.class, 409, "LimitExceeded", "Cannot exceed quota for GroupsPerUser: 10");
        assertThat(iam.listGroupsForUser(r -> r.userName("quota-user")).groups()).hasSize(10);
    }

    @Test
    void addUserToGroup_unknownUserOrGroup_isNoSuchEntityException() {
        iam.createGroup(r -> r.groupName("au-group"));
        iam.createUser(r -> r.userName("au-user"));

        awsError(() -> iam.addUserToGroup(r -> r.groupName("au-group").userName("au-nobody")),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The user with name au-nobody cannot be found.");
        awsError(() -> iam.addUserToGroup(r -> r.groupName("au-nogroup").userName("au-user")),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The group with name au-nogroup cannot be found.");
    }

    @Test
    void removeUserFromGroup_endsTheMembership_andRemovingANonMemberAgainSucceedsAsOnAws() {
        iam.createGroup(r -> r.groupName("rm-group"));
        iam.createUser(r -> r.userName("rm-user"));
        iam.addUserToGroup(r -> r.groupName("rm-group").userName("rm-user"));

        iam.removeUserFromGroup(r -> r.groupName("rm-group").userName("rm-user"));

        assertThat(iam.listGroupsForUser(r -> r.userName("rm-user")).groups()).isEmpty();
        // AWS answers 200 for a user that exists but is not a member (LocalStack's AWS-validated snapshot
        // test_iam_users::test_user_group_membership)
        assertThat(iam.removeUserFromGroup(r -> r.groupName("rm-group").userName("rm-user"))
                .sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(iam.listGroupsForUser(r -> r.userName("rm-user")).groups()).isEmpty();
    }

    @Test
    void listGroupsForUser_ordersByName_andFollowsTheUserThroughARename() {
        iam.createUser(r -> r.userName("lgu-user"));
        for (String g : new String[] {"lgu-c", "lgu-a", "lgu-b"}) {
            iam.createGroup(r -> r.groupName(g));
            iam.addUserToGroup(r -> r.groupName(g).userName("lgu-user"));
        }

        iam.updateUser(r -> r.userName("lgu-user").newUserName("lgu-renamed"));

        assertThat(iam.listGroupsForUser(r -> r.userName("lgu-renamed")).groups()).extracting(Group::groupName)
                .containsExactly("lgu-a", "lgu-b", "lgu-c");
        awsError(() -> iam.listGroupsForUser(r -> r.userName("lgu-user")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The user with name lgu-user cannot be found.");
    }
}
