package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** TagUser, UntagUser and ListUserTags through the AWS SDK, including the SDK's ListUserTags paginator. */
class UserTagsSdkTest {

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

    private static List<Tag> tags(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> tag(String.format("k%02d", i), "v" + i)).toList();
    }

    private static List<Tag> tagsOf(String user) {
        return iam.listUserTagsPaginator(r -> r.userName(user)).tags().stream().toList();
    }

    @Test
    void tagUser_thenListUserTags_sortedByKey_andTaggingAKeyInAnotherCaseReplacesIt() {
        iam.createUser(r -> r.userName("tag-a"));
        iam.tagUser(r -> r.userName("tag-a").tags(tag("Department", "finance"), tag("cost", "42")));

        iam.tagUser(r -> r.userName("TAG-A").tags(tag("department", "hr")));

        assertThat(tagsOf("tag-a")).containsExactly(tag("cost", "42"), tag("department", "hr"));
    }

    @Test
    void listUserTags_ofAnUntaggedUser_isAnEmptyListNotTruncated() {
        iam.createUser(r -> r.userName("tag-none"));

        ListUserTagsResponse r = iam.listUserTags(b -> b.userName("tag-none"));

        assertThat(r.tags()).isEmpty();
        assertThat(r.isTruncated()).isFalse();
        assertThat(r.marker()).isNull();
    }

    @Test
    void listUserTags_withSmallMaxItems_isTruncatedWithAMarkerAndThePaginatorGetsAll() {
        iam.createUser(r -> r.userName("tag-many").tags(tags(0, 7)));

        ListUserTagsResponse first = iam.listUserTags(r -> r.userName("tag-many").maxItems(3));
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotEmpty();
        assertThat(iam.listUserTagsPaginator(r -> r.userName("tag-many").maxItems(3)).tags().stream().toList())
                .isEqualTo(tags(0, 7));
    }

    @Test
    void tagUser_fiftyTagsAreAllowedAndOneMoreIsLimitExceededException() {
        iam.createUser(r -> r.userName("tag-quota").tags(tags(0, 49)));
        iam.tagUser(r -> r.userName("tag-quota").tags(tags(49, 50)));

        awsError(() -> iam.tagUser(r -> r.userName("tag-quota").tags(tags(50, 51))), LimitExceededException.class,
                409, "LimitExceeded", "Cannot exceed quota for TagsPerUser: 50");
        assertThat(tagsOf("tag-quota")).hasSize(50);
    }

    @Test
    void tagUser_withTheReservedAwsPrefix_isInvalidInputException() {
        iam.createUser(r -> r.userName("tag-aws"));

        awsError(() -> iam.tagUser(r -> r.userName("tag-aws").tags(tag("aws:team", "x"))), InvalidInputException.class,
                400, "InvalidInput", null);
    }

    @Test
    void tagUser_unknownUser_isNoSuchEntityException() {
        awsError(() -> iam.tagUser(r -> r.userName("tag-nobody").tags(tag("a", "b"))), NoSuchEntityException.class,
                404, "NoSuchEntity", "The user with name tag-nobody cannot be found.");
    }

    @Test
    void untagUser_removesKeysInAnyCaseAndIgnoresKeysTheUserDoesNotHave() {
        iam.createUser(r -> r.userName("untag").tags(tag("Team", "iam"), tag("cost", "42")));

        iam.untagUser(r -> r.userName("untag").tagKeys("TEAM", "missing"));

        assertThat(tagsOf("untag")).containsExactly(tag("cost", "42"));
    }

    @Test
    void untagAndListUserTags_ofAnUnknownUser_areNoSuchEntityException() {
        awsError(() -> iam.untagUser(r -> r.userName("untag-nobody").tagKeys("a")), NoSuchEntityException.class,
                404, "NoSuchEntity", "The user with name untag-nobody cannot be found.");
        awsError(() -> iam.listUserTags(r -> r.userName("untag-nobody")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The user with name untag-nobody cannot be found.");
    }
}
