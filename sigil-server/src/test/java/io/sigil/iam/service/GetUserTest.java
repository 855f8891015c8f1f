package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.ACCOUNT_CREATED;
import static io.sigil.iam.service.ServiceFixture.OTHER_ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.model.Tag;
import io.sigil.iam.model.User;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GetUser: by name in the caller's account, or without a name the caller itself (IAM API Reference, "GetUser":
 * "If it is not included, it defaults to the user making the request"), the root answering with its account.
 */
class GetUserTest {

    @RegisterExtension
    final FixturePerTest fixture = new FixturePerTest();
    private UserService users;

    @BeforeEach
    void open() {
        users = fixture.users();
    }

    // ---- GetUser --------------------------------------------------------------------------------------------

    @Test
    void getUser_unknownName_isNoSuchEntityInAwsWords() {
        assertIamError(() -> users.getUser(ACCOUNT, "nobody"), "NoSuchEntity",
                "The user with name nobody cannot be found.");
    }

    @Test
    void getUser_matchesTheNameInAnyCaseAndAnswersWithTheStoredSpelling() {
        fixture.createUser("Bob");

        assertThat(users.getUser(ACCOUNT, "BOB").name()).isEqualTo("Bob");
    }

    @Test
    void getUser_ofAUserInAnotherAccount_isNoSuchEntity() {
        users.createUser(OTHER_ACCOUNT, "eve", null, null, List.of());

        assertIamError(() -> users.getUser(ACCOUNT, "eve"), "NoSuchEntity", null);
    }

    @Test
    void getUser_withoutNameByTheRoot_isTheRootWithTheAccountIdAndCreationDate() {
        UserInfo info = users.getUser(Principal.root(ACCOUNT, "AKIAROOT"), null);

        assertThat(info).isEqualTo(new UserInfo.Root(ACCOUNT, ACCOUNT_CREATED));
        assertThat(((UserInfo.Root) info).arn()).isEqualTo("arn:aws:iam::123456789012:root");
    }

    @Test
    void getUser_withoutNameByAUser_isThatUserReadAfresh() {
        User bob = fixture.createUser("bob");
        users.tagUser(ACCOUNT, "bob", List.of(new Tag("team", "iam")));

        UserInfo info = users.getUser(Principal.user(bob, "AKIABOB"), null);

        assertThat(((UserInfo.Iam) info).user().tags()).containsExactly(new Tag("team", "iam"));
    }

    @Test
    void getUser_withoutNameByAUserRenamedSinceSigning_isTheUserUnderItsNewName() {
        User bob = fixture.createUser("bob");
        users.updateUser(ACCOUNT, "bob", "robert", null);

        assertThat(((UserInfo.Iam) users.getUser(Principal.user(bob, "AKIABOB"), null)).user().name())
                .isEqualTo("robert");
    }

    @Test
    void getUser_withoutNameByAUserDeletedSinceSigning_isNoSuchEntity() {
        User bob = fixture.createUser("bob");
        users.deleteUser(ACCOUNT, "bob");

        assertIamError(() -> users.getUser(Principal.user(bob, "AKIABOB"), null), "NoSuchEntity",
                "The user with name bob cannot be found.");
    }

    @Test
    void getUser_withANameByAUser_isTheNamedUserOfTheCallersAccount() {
        User bob = fixture.createUser("bob");
        fixture.createUser("alice");

        assertThat(((UserInfo.Iam) users.getUser(Principal.user(bob, "AKIABOB"), "alice")).user().name())
                .isEqualTo("alice");
    }
}
