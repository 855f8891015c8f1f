package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.Group;
import io.sigil.iam.model.User;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;

/**
 * Paging as IAM does it, seen through the SDK's paginators over 310 users: {@code MaxItems} defaults to 100,
 * {@code IsTruncated} is true with a {@code Marker} on every page but the last, and the last page has no marker
 * (IAM API Reference, "ListUsers", "GetGroup": Marker, MaxItems, IsTruncated). The users are written through the
 * store in one transaction to keep the test quick; everything read goes through the SDK.
 */
class PaginationSdkTest {

    private static final int USERS = 310;
    private static final String PATH = "/bulk-paging/";
    private static final String GROUP = "bulk-paging-group";
    private static SigilTestServer server;
    private static IamClient iam;
    private static List<String> names;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        iam = server.rootIam();
        names = IntStream.range(0, USERS).mapToObj(i -> String.format("bulk-%03d", i)).toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        server.app().store().write(tx -> {
            tx.groups().create(Group.create(ACCOUNT, GROUP, "/", Ids.groupId(), now));
            for (String name : names) {
                tx.users().create(User.create(ACCOUNT, name, PATH, Ids.userId(), now, null, List.of()));
                tx.groups().addUser(ACCOUNT, GROUP, name);
            }
        });
    }

    @AfterAll
    static void stop() {
        iam.close();
    }

    @Test
    void listUsers_withoutMaxItems_answersOneHundredTruncatedWithAMarker() {
        ListUsersResponse first = iam.listUsers(r -> r.pathPrefix(PATH));

        assertThat(first.users()).hasSize(100);
        assertThat(first.isTruncated()).isTrue();
        assertThat(first.marker()).isNotEmpty();
    }

    @Test
    void listUsersPaginator_withDefaultPageSize_visitsAllUsersInNameOrderInFourPages() {
        var pages = iam.listUsersPaginator(r -> r.pathPrefix(PATH)).stream().toList();

        assertThat(pages).extracting(p -> p.users().size()).containsExactly(100, 100, 100, 10);
        assertThat(pages).extracting(ListUsersResponse::isTruncated).containsExactly(true, true, true, false);
        assertThat(pages.get(3).marker()).isNull();
        assertThat(pages.stream().flatMap(p -> p.users().stream()).map(u -> u.userName()).toList())
                .isEqualTo(names);
    }

    @Test
    void listUsersPaginator_withAnOddPageSize_visitsEveryUserExactlyOnce() {
        List<String> seen = iam.listUsersPaginator(r -> r.pathPrefix(PATH).maxItems(7)).users().stream()
                .map(u -> u.userName()).toList();

        assertThat(seen).isEqualTo(names);
    }

    @Test
    void listUsers_withMaxItems1000_answersEveryUserOnOnePageNotTruncated() {
        ListUsersResponse all = iam.listUsers(r -> r.pathPrefix(PATH).maxItems(1000));

        assertThat(all.users()).hasSize(USERS);
        assertThat(all.isTruncated()).isFalse();
        assertThat(all.marker()).isNull();
    }

    @Test
    void getGroupPaginator_visitsAllMembersInNameOrderAndRepeatsTheGroupOnEveryPage() {
        var pages = iam.getGroupPaginator(r -> r.groupName(GROUP).maxItems(100)).stream().toList();

        assertThat(pages).hasSize(4);
        assertThat(pages).extracting(p -> p.group().groupName()).containsOnly(GROUP);
        assertThat(pages).extracting(GetGroupResponse::isTruncated).containsExactly(true, true, true, false);
        assertThat(pages.stream().flatMap(p -> p.users().stream()).map(u -> u.userName()).toList())
                .isEqualTo(names);
    }

    @Test
    void getGroupPaginator_usersView_hasEveryMemberOnce() {
        assertThat(iam.getGroupPaginator(r -> r.groupName(GROUP).maxItems(33)).users().stream()
                .map(u -> u.userName()).toList()).isEqualTo(names);
    }
}
