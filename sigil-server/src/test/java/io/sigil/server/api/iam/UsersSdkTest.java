package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.ACCOUNT;
import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static io.sigil.server.api.iam.SdkFixture.uniquePath;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/**
 * CreateUser, GetUser, ListUsers, UpdateUser and DeleteUser through the AWS SDK for Java v2 against an in-process
 * server, signed with the bootstrap root key: the wire shapes and the typed exceptions callers see.
 */
class UsersSdkTest {

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

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    // ---- CreateUser -----------------------------------------------------------------------------------------

    @Test
    void createUser_answersTheUserWithDefaultPathAidaIdArnAndCreateDate_andNoTagsOrBoundary() {
        Instant before = Instant.now().minusSeconds(1);

        User u = iam.createUser(r -> r.userName("create-plain")).user();

        assertThat(u.path()).isEqualTo("/");
        assertThat(u.userName()).isEqualTo("create-plain");
        assertThat(u.userId()).startsWith("AIDA").hasSize(21);
        assertThat(u.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/create-plain");
        assertThat(u.createDate()).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(u.hasTags()).isFalse();
        assertThat(u.permissionsBoundary()).isNull();
        assertThat(u.passwordLastUsed()).isNull();
    }

    @Test
    void createUser_withPathTagsAndBoundary_answersThemAllAndGetUserAgrees() {
        String boundary = "arn:aws:iam::aws:policy/PowerUserAccess";
        User created = iam.createUser(r -> r.userName("create-full").path("/division_abc/subdivision_xyz/")
                .permissionsBoundary(boundary).tags(tag("team", "iam"), tag("cost", ""))).user();

        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/division_abc/subdivision_xyz/create-full");
        assertThat(created.permissionsBoundary().permissionsBoundaryTypeAsString())
                .isEqualTo("Policy"); // as AWS answers it (awsdocs/iam-user-guide#82)
        assertThat(created.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundary);
        assertThat(created.tags()).containsExactlyInAnyOrder(tag("team", "iam"), tag("cost", ""));
        assertThat(iam.getUser(r -> r.userName("create-full")).user()).isEqualTo(created);
    }

    @Test
    void createUser_nameTakenInAnotherCase_isEntityAlreadyExistsException409() {
        iam.createUser(r -> r.userName("TESTUSER"));

        awsError(() -> iam.createUser(r -> r.userName("testuser")), EntityAlreadyExistsException.class, 409,
                "EntityAlreadyExists", "User with name testuser already exists.");
    }

    @Test
    void createUser_nameOf64CharactersIsAllowedAnd65IsValidationError() {
        String n64 = "u".repeat(64);
        iam.createUser(r -> r.userName(n64));

        awsError(() -> iam.createUser(r -> r.userName(n64 + "u")), IamException.class, 400, "ValidationError",
                "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 64");
    }

    @Test
    void createUser_nameWithACharacterOutsideThePattern_isValidationError() {
        awsError(() -> iam.createUser(r -> r.userName("bad#name")), IamException.class, 400, "ValidationError",
                "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void createUser_pathMustBeginAndEndWithASlashAndBeAtMost512Characters() {
        iam.createUser(r -> r.userName("path-ok").path("/a/b/"));
        String p512 = "/" + "p".repeat(510) + "/";
        iam.createUser(r -> r.userName("path-512").path(p512));

        for (String bad : new String[] {"a/b", "/a/b", "/" + "p".repeat(511) + "/"}) {
            awsError(() -> iam.createUser(r -> r.userName("path-bad").path(bad)), IamException.class, 400,
                    "ValidationError", null);
        }
        awsError(() -> iam.getUser(r -> r.userName("path-bad")), NoSuchEntityException.class, 404, "NoSuchEntity",
                null);
    }

    @Test
    void createUser_withFiftyOneTags_isValidationErrorOnTheList() {
        Tag[] tags = new Tag[51];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = tag("k" + i, "v");
        }
        IamException e = awsError(() -> iam.createUser(r -> r.userName("tags-51").tags(tags)), IamException.class,
                400, "ValidationError", null);
        assertThat(e.awsErrorDetails().errorMessage()).contains("at 'tags' failed to satisfy constraint: "
                + "Member must have length less than or equal to 50");
    }

    @Test
    void createUser_withDuplicateTagKeysInAnyCase_isInvalidInputException() {
        awsError(() -> iam.createUser(r -> r.userName("dup-tags").tags(tag("Team", "a"), tag("team", "b"))),
                InvalidInputException.class, 400, "InvalidInput",
                "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    }

    @Test
    void createUser_withABoundaryPolicyOfAnotherAccount_isNoSuchEntityException() {
        awsError(() -> iam.createUser(r -> r.userName("bnd-other")
                        .permissionsBoundary("arn:aws:iam::210987654321:policy/DemoUser")),
                NoSuchEntityException.class, 404, "NoSuchEntity",
                "Scope ARN: arn:aws:iam::210987654321:policy/DemoUser does not exist or is not attachable.");
    }

    @Test
    void createUser_withABoundaryThatIsNotAPolicyArn_isInvalidInputException() {
        awsError(() -> iam.createUser(r -> r.userName("bnd-bad")
                        .permissionsBoundary("arn:aws:s3:::my-bucket-boundary")),
                InvalidInputException.class, 400, "InvalidInput", "ARN arn:aws:s3:::my-bucket-boundary is not valid.");
    }

    // ---- GetUser --------------------------------------------------------------------------------------------

    @Test
    void getUser_unknownName_isNoSuchEntityException404() {
        awsError(() -> iam.getUser(r -> r.userName("nobody")), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void getUser_byNameInAnotherCase_answersTheUserWithItsStoredName() {
        User created = iam.createUser(r -> r.userName("Get-Mixed").path("/mixed/")).user();

        assertThat(iam.getUser(r -> r.userName("get-MIXED")).user()).isEqualTo(created);
    }

    @Test
    void getUser_byName_seesATagAndPathChangeMadeJustBefore() {
        iam.createUser(r -> r.userName("get-fresh"));
        iam.getUser(r -> r.userName("get-fresh"));
        iam.tagUser(r -> r.userName("get-fresh").tags(tag("stage", "two")));
        iam.updateUser(r -> r.userName("get-fresh").newPath("/moved/"));

        User after = iam.getUser(r -> r.userName("get-fresh")).user();

        assertThat(after.tags()).containsExactly(tag("stage", "two"));
        assertThat(after.path()).isEqualTo("/moved/");
    }

    @Test
    void getUser_byNameAsAnIamUserAllowedOnIt_answersTheNamedUser() {
        User bob = iam.createUser(r -> r.userName("named-bob").tags(tag("team", "b"))).user();
        iam.createUser(r -> r.userName("named-reader"));

        try (IamClient asReader = signingAs(server, "named-reader", allow("iam:GetUser"))) {
            assertThat(asReader.getUser(r -> r.userName("NAMED-BOB")).user()).isEqualTo(bob);
        }
    }

    @Test
    void getUser_withoutNameAsTheRoot_isTheRootWithAccountIdAsUserIdAndNoNameOrPath() {
        User root = iam.getUser().user();

        assertThat(root.userId()).isEqualTo(ACCOUNT);
        assertThat(root.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        assertThat(root.createDate()).isNotNull();
        assertThat(root.userName()).isNull();
        assertThat(root.path()).isNull();
    }

    @Test
    void getUser_withoutNameAsAnIamUser_isThatUser() {
        User alice = iam.createUser(r -> r.userName("self-alice").path("/self/").tags(tag("team", "a"))).user();

        try (IamClient asAlice = signingAs(server, "self-alice", allow("iam:GetUser"))) {
            assertThat(asAlice.getUser().user()).isEqualTo(alice);
        }
    }

    // ---- ListUsers ------------------------------------------------------------------------------------------

    @Test
    void listUsers_byPathPrefix_ordersByNameAndLeavesOutTagsAndBoundary() {
        String path = uniquePath();
        iam.createUser(r -> r.userName("list-b").path(path).tags(tag("team", "b"))
                .permissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        iam.createUser(r -> r.userName("list-A").path(path + "sub/"));
        iam.createUser(r -> r.userName("list-c").path(uniquePath()));

        ListUsersResponse page = iam.listUsers(r -> r.pathPrefix(path));

        assertThat(page.users()).extracting(User::userName).containsExactly("list-A", "list-b");
        assertThat(page.users()).allSatisfy(u -> {
            assertThat(u.hasTags()).isFalse();
            assertThat(u.permissionsBoundary()).isNull();
        });
        assertThat(page.isTruncated()).isFalse();
        assertThat(page.marker()).isNull();
    }

    @Test
    void listUsers_withAPrefixNoPathHas_isAnEmptyListNotTruncated() {
        ListUsersResponse page = iam.listUsers(r -> r.pathPrefix("/nothing-here/"));

        assertThat(page.users()).isEmpty();
        assertThat(page.isTruncated()).isFalse();
    }

    @Test
    void listUsers_maxItemsOutOfRange_isValidationError() {
        awsError(() -> iam.listUsers(r -> r.maxItems(1001)), IamException.class, 400, "ValidationError",
                "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 1000");
        awsError(() -> iam.listUsers(r -> r.maxItems(0)), IamException.class, 400, "ValidationError", null);
    }

    // ---- UpdateUser -----------------------------------------------------------------------------------------

    @Test
    void updateUser_renameAndMove_keepsTheUniqueIdAndTheOldNameIsGone() {
        User bob = iam.createUser(r -> r.userName("upd-Bob").tags(tag("team", "iam"))).user();

        iam.updateUser(r -> r.userName("upd-bob").newUserName("upd-Robert").newPath("/moved/"));

        User robert = iam.getUser(r -> r.userName("upd-robert")).user();
        assertThat(robert.userId()).isEqualTo(bob.userId());
        assertThat(robert.userName()).isEqualTo("upd-Robert");
        assertThat(robert.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/moved/upd-Robert");
        assertThat(robert.tags()).containsExactly(tag("team", "iam"));
        awsError(() -> iam.getUser(r -> r.userName("upd-Bob")), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The user with name upd-Bob cannot be found.");
    }

    @Test
    void updateUser_toANameTakenInAnotherCase_isEntityAlreadyExistsException() {
        iam.createUser(r -> r.userName("upd-taken"));
        iam.createUser(r -> r.userName("upd-mover"));

        awsError(() -> iam.updateUser(r -> r.userName("upd-mover").newUserName("UPD-TAKEN")),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "User with name UPD-TAKEN already exists.");
    }

    @Test
    void updateUser_unknownUser_isNoSuchEntityException() {
        awsError(() -> iam.updateUser(r -> r.userName("upd-nobody").newPath("/x/")), NoSuchEntityException.class,
                404, "NoSuchEntity", "The user with name upd-nobody cannot be found.");
    }

    // ---- DeleteUser -----------------------------------------------------------------------------------------

    @Test
    void deleteUser_removesTheUser() {
        iam.createUser(r -> r.userName("del-plain"));

        iam.deleteUser(r -> r.userName("DEL-PLAIN"));

        awsError(() -> iam.getUser(r -> r.userName("del-plain")), NoSuchEntityException.class, 404, "NoSuchEntity",
                null);
    }

    @Test
    void deleteUser_unknownUser_isNoSuchEntityException() {
        awsError(() -> iam.deleteUser(r -> r.userName("del-nobody")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The user with name del-nobody cannot be found.");
    }

    @Test
    void deleteUser_withAnAccessKey_isDeleteConflictException409() {
        iam.createUser(r -> r.userName("del-keyed"));
        signingAs(server, "del-keyed", allow("iam:GetUser")).close();

        awsError(() -> iam.deleteUser(r -> r.userName("del-keyed")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must delete access keys first.");
    }

    @Test
    void deleteUser_inAGroup_isDeleteConflictExceptionUntilRemoved() {
        iam.createUser(r -> r.userName("del-member"));
        iam.createGroup(r -> r.groupName("del-group"));
        iam.addUserToGroup(r -> r.groupName("del-group").userName("del-member"));

        awsError(() -> iam.deleteUser(r -> r.userName("del-member")), DeleteConflictException.class, 409,
                "DeleteConflict", "Cannot delete entity, must remove users from group first.");
        iam.removeUserFromGroup(r -> r.groupName("del-group").userName("del-member"));
        iam.deleteUser(r -> r.userName("del-member"));
    }
}
