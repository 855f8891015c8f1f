package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.Group;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import io.sigil.iam.service.UserInfo;
import io.sigil.iam.store.PageRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain-to-SDK mapping: which members IAM sends for a user, a listed user, the root, a group. */
class IamModelMapperTest {

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
    private static final User BOB = new User("123456789012", "bob", "/eng/", "AIDAEXAMPLEEXAMPLE123", CREATED,
            "arn:aws:iam::aws:policy/PowerUserAccess", Instant.parse("2026-02-01T00:00:00Z"),
            List.of(new Tag("team", "iam")), 3);

    @Test
    void user_carriesEveryMemberIncludingBoundaryAndTags() {
        var u = IamModelMapper.user(BOB);

        assertThat(u.path()).isEqualTo("/eng/");
        assertThat(u.userName()).isEqualTo("bob");
        assertThat(u.userId()).isEqualTo("AIDAEXAMPLEEXAMPLE123");
        assertThat(u.arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/bob");
        assertThat(u.createDate()).isEqualTo(CREATED);
        assertThat(u.passwordLastUsed()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(u.permissionsBoundary().permissionsBoundaryTypeAsString())
                .isEqualTo("Policy"); // as AWS answers it (awsdocs/iam-user-guide#82)
        assertThat(u.permissionsBoundary().permissionsBoundaryArn()).isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
        assertThat(u.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=iam");
    }

    @Test
    void user_withoutTagsOrBoundary_leavesBothUnsetSoTheyAreNotWritten() {
        var u = IamModelMapper.user(BOB.withTags(List.of()).withPermissionsBoundary(null));

        assertThat(u.hasTags()).isFalse();
        assertThat(u.permissionsBoundary()).isNull();
    }

    @Test
    void listedUser_leavesOutTagsAndBoundaryAsListUsersDoes() {
        var u = IamModelMapper.listedUser(BOB);

        assertThat(u.hasTags()).isFalse();
        assertThat(u.permissionsBoundary()).isNull();
        assertThat(u.userName()).isEqualTo("bob");
        assertThat(u.passwordLastUsed()).isNotNull();
    }

    @Test
    void root_isTheAccountIdAndRootArnWithoutNameOrPath() {
        var u = IamModelMapper.userInfo(new UserInfo.Root("123456789012", CREATED));

        assertThat(u.userId()).isEqualTo("123456789012");
        assertThat(u.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(u.createDate()).isEqualTo(CREATED);
        assertThat(u.userName()).isNull();
        assertThat(u.path()).isNull();
    }

    @Test
    void group_carriesPathNameIdArnAndCreateDate() {
        var g = IamModelMapper.group(new Group("123456789012", "devs", "/eng/", "AGPAEXAMPLEEXAMPLE123", CREATED, 0));

        assertThat(g.groupName()).isEqualTo("devs");
        assertThat(g.path()).isEqualTo("/eng/");
        assertThat(g.groupId()).isEqualTo("AGPAEXAMPLEEXAMPLE123");
        assertThat(g.arn()).isEqualTo("arn:aws:iam::123456789012:group/eng/devs");
        assertThat(g.createDate()).isEqualTo(CREATED);
    }

    @Test
    void page_defaultsPathPrefixToSlashAndMaxItemsTo100() {
        assertThat(IamModelMapper.page(null, null, null)).isEqualTo(new PageRequest("/", null, 100));
        assertThat(IamModelMapper.page("/eng/", "m", 7)).isEqualTo(new PageRequest("/eng/", "m", 7));
    }
}
