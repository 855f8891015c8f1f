package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.Tag;
import io.sigil.iam.store.Page;
import io.sigil.iam.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TagUser, UntagUser and ListUserTags (IAM User Guide, "Tags for AWS Identity and Access Management resources":
 * keys are unique case-insensitively and keep the case last given; at most 50 tags per user).
 */
class UserTagsTest {

    @RegisterExtension
    final FixturePerTest fixture = new FixturePerTest();
    private UserService users;

    @BeforeEach
    void open() {
        users = fixture.users();
        users.createUser(ACCOUNT, "bob", null, null, List.of());
    }

    private static List<Tag> tags(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new Tag(String.format("k%02d", i), "v" + i)).toList();
    }

    private List<Tag> allTags() {
        return users.listUserTags(ACCOUNT, "bob", PageRequest.of(1000)).items();
    }

    @Test
    void tagUser_addsTagsToThoseAlreadyThere() {
        users.tagUser(ACCOUNT, "bob", List.of(new Tag("team", "iam")));
        users.tagUser(ACCOUNT, "bob", List.of(new Tag("cost", "42")));

        assertThat(allTags()).containsExactly(new Tag("cost", "42"), new Tag("team", "iam"));
    }

    @Test
    void tagUser_withAKeyThatExistsInAnotherCase_replacesItsValueAndSpelling() {
        users.tagUser(ACCOUNT, "bob", List.of(new Tag("Department", "finance")));

        users.tagUser(ACCOUNT, "bob", List.of(new Tag("department", "hr")));

        assertThat(allTags()).containsExactly(new Tag("department", "hr"));
    }

    @Test
    void tagUser_upToFiftyTags_isAllowedAndTheFiftyFirstIsLimitExceeded() {
        users.tagUser(ACCOUNT, "bob", tags(0, 49));
        users.tagUser(ACCOUNT, "bob", tags(49, 50));

        assertIamError(() -> users.tagUser(ACCOUNT, "bob", tags(50, 51)), "LimitExceeded",
                "Cannot exceed quota for TagsPerUser: 50");
        assertThat(allTags()).hasSize(50);
    }

    @Test
    void tagUser_replacingAnExistingKeyAtFiftyTags_isNotOverTheQuota() {
        users.tagUser(ACCOUNT, "bob", tags(0, 50));

        users.tagUser(ACCOUNT, "bob", List.of(new Tag("K00", "new")));

        assertThat(allTags()).hasSize(50).contains(new Tag("K00", "new"));
    }

    @Test
    void tagUser_overTheQuota_addsNoneOfTheTags() {
        users.tagUser(ACCOUNT, "bob", tags(0, 49));

        assertIamError(() -> users.tagUser(ACCOUNT, "bob", tags(49, 51)), "LimitExceeded", null);
        assertThat(allTags()).hasSize(49);
    }

    @Test
    void createUser_withFiftyTags_isAllowedAndWithFiftyOneIsLimitExceeded() {
        users.createUser(ACCOUNT, "fifty", null, null, tags(0, 50));

        assertIamError(() -> users.createUser(ACCOUNT, "fiftyone", null, null, tags(0, 51)), "LimitExceeded",
                "Cannot exceed quota for TagsPerUser: 50");
        assertThat(users.getUser(ACCOUNT, "fifty").tags()).hasSize(50);
    }

    @Test
    void tagUser_withDuplicateKeysInAnyCase_isInvalidInput() {
        assertIamError(() -> users.tagUser(ACCOUNT, "bob", List.of(new Tag("a", "1"), new Tag("A", "2"))),
                "InvalidInput", "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
        assertThat(allTags()).isEmpty();
    }

    @Test
    void tagUser_withTheReservedAwsPrefix_isInvalidInput() {
        assertIamError(() -> users.tagUser(ACCOUNT, "bob", List.of(new Tag("aws:createdBy", "me"))), "InvalidInput",
                null);
        assertThat(allTags()).isEmpty();
    }

    @Test
    void tagUser_unknownUser_isNoSuchEntity() {
        assertIamError(() -> users.tagUser(ACCOUNT, "nobody", List.of(new Tag("a", "1"))), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void untagUser_removesKeysGivenInAnyCaseAndIgnoresUnknownKeys() {
        users.tagUser(ACCOUNT, "bob", List.of(new Tag("Team", "iam"), new Tag("cost", "42")));

        users.untagUser(ACCOUNT, "bob", List.of("TEAM", "nonexistent"));

        assertThat(allTags()).containsExactly(new Tag("cost", "42"));
    }

    @Test
    void untagUser_unknownUser_isNoSuchEntity() {
        assertIamError(() -> users.untagUser(ACCOUNT, "nobody", List.of("a")), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void listUserTags_ofAnUntaggedUser_isEmptyAndNotTruncated() {
        Page<Tag> page = users.listUserTags(ACCOUNT, "bob", PageRequest.first());

        assertThat(page.items()).isEmpty();
        assertThat(page.isTruncated()).isFalse();
    }

    @Test
    void listUserTags_isSortedByKeyAndPagesWithMarkers() {
        users.tagUser(ACCOUNT, "bob", List.of(new Tag("b", "2"), new Tag("C", "3"), new Tag("a", "1")));
        List<String> keys = new ArrayList<>();
        PageRequest request = PageRequest.of(2);
        Page<Tag> page;
        do {
            page = users.listUserTags(ACCOUNT, "bob", request);
            page.items().forEach(t -> keys.add(t.key()));
            request = request.after(page.nextMarker());
        } while (page.isTruncated());

        assertThat(keys).containsExactly("a", "b", "C");
    }

    @Test
    void listUserTags_unknownUser_isNoSuchEntity() {
        assertIamError(() -> users.listUserTags(ACCOUNT, "nobody", PageRequest.first()), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }
}
