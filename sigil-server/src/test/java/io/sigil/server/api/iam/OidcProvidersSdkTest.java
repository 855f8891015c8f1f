package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The OpenID Connect provider operations through the AWS SDK for Java v2 (IAM API Reference:
 * CreateOpenIDConnectProvider, GetOpenIDConnectProvider, ListOpenIDConnectProviders, DeleteOpenIDConnectProvider,
 * AddClientIDToOpenIDConnectProvider, RemoveClientIDFromOpenIDConnectProvider, UpdateOpenIDConnectProviderThumbprint,
 * TagOpenIDConnectProvider, UntagOpenIDConnectProvider, ListOpenIDConnectProviderTags; spec §10 H86).
 */
class OidcProvidersSdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String THUMB_A = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String THUMB_B = "a031c46782e6e6c662c2c87c76da9aa62ccabd8e";

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @AfterEach
    void deleteAll() {
        SIGIL.root().listOpenIDConnectProviders().openIDConnectProviderList()
                .forEach(p -> SIGIL.root().deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(p.arn())));
    }

    private static String create(String url, String... clientIds) {
        return SIGIL.root().createOpenIDConnectProvider(r -> r.url(url).clientIDList(clientIds).thumbprintList(THUMB_A))
                .openIDConnectProviderArn();
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    private static String arn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + name;
    }

    @Test
    void create_answersTheArnOfHostAndPath_andGetAnswersTheUrlWithoutScheme() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CreateOpenIdConnectProviderResponse created = SIGIL.root().createOpenIDConnectProvider(r -> r
                .url("https://server.example.com/tenants/a").clientIDList("my-app", "other-app")
                .thumbprintList(THUMB_A, THUMB_B).tags(tag("team", "identity")));

        assertThat(created.openIDConnectProviderArn()).isEqualTo(arn("server.example.com/tenants/a"));
        assertThat(created.tags()).containsExactly(tag("team", "identity"));
        GetOpenIdConnectProviderResponse got = SIGIL.root().getOpenIDConnectProvider(
                r -> r.openIDConnectProviderArn(created.openIDConnectProviderArn()));
        assertThat(got.url()).isEqualTo("server.example.com/tenants/a");
        assertThat(got.clientIDList()).containsExactly("my-app", "other-app");
        assertThat(got.thumbprintList()).containsExactly(THUMB_A, THUMB_B);
        assertThat(got.createDate()).isAfterOrEqualTo(before);
        assertThat(got.tags()).containsExactly(tag("team", "identity"));
    }

    @Test
    void create_withoutClientIdsOrThumbprints_isAccepted_asAwsNoLongerRequiresThumbprints() {
        String arn = SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://bare.example.com"))
                .openIDConnectProviderArn();

        GetOpenIdConnectProviderResponse got = SIGIL.root()
                .getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(got.clientIDList()).isEmpty();
        assertThat(got.thumbprintList()).isEmpty();
        assertThat(got.tags()).isEmpty();
    }

    @Test
    void h86_anHttpUrlOrOneWithAPort_isRefused_asIsAQueryOrFragment() {
        for (String url : List.of("http://server.example.com", "https://server.example.com:8443",
                "https://server.example.com/path?x=1", "https://server.example.com/#frag", "server.example.com",
                "https://user@server.example.com", "https://")) {
            awsError(() -> SIGIL.root().createOpenIDConnectProvider(r -> r.url(url)), IamException.class, 400,
                    "ValidationError", "Invalid Open ID Connect Provider URL");
        }
    }

    @Test
    void h86_aUrlAlreadyRegistered_isEntityAlreadyExists() {
        create("https://dup.example.com", "a");
        awsError(() -> create("https://dup.example.com", "b"), EntityAlreadyExistsException.class, 409,
                "EntityAlreadyExists", "Provider with url https://dup.example.com already exists.");
    }

    @Test
    void h86_fiveThumbprintsAreAllowed_aSixthIsInvalidInput() {
        List<String> five = IntStream.range(0, 5).mapToObj(i -> Integer.toString(i).repeat(40)).toList();
        List<String> six = new ArrayList<>(five);
        six.add("f".repeat(40));

        SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://five.example.com").thumbprintList(five));
        awsError(() -> SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://six.example.com")
                .thumbprintList(six)),
                InvalidInputException.class, 400, "InvalidInput", "Thumbprint list must contain fewer than 5 entries.");
        String arn = arn("five.example.com");
        awsError(() -> SIGIL.root().updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn)
                .thumbprintList(six)), InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void aHundredClientIdsAreAllowed_theHundredAndFirstIsLimitExceeded_onCreateAndOnAdd() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "client-" + i).toList();
        List<String> more = new ArrayList<>(hundred);
        more.add("client-100");

        awsError(() -> SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://many.example.com")
                .clientIDList(more)),
                LimitExceededException.class, 409, "LimitExceeded",
                "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
        String arn = SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://many.example.com")
                .clientIDList(hundred))
                .openIDConnectProviderArn();
        awsError(() -> SIGIL.root().addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)
                .clientID("client-100")), LimitExceededException.class, 409, "LimitExceeded",
                "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
        SIGIL.root().addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("client-7"));
        assertThat(SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList())
                .hasSize(100);
    }

    /**
     * TagOpenIDConnectProvider's answer to a 51st tag in LocalStack's AWS-validated snapshots (2026): LimitExceeded
     * in words of its own, where a role's 51st tag names its quota.
     */
    @Test
    void aFiftyFirstTag_isLimitExceeded_inTheProvidersOwnWords_andNothingIsAdded() {
        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> tag("t" + i, "v")).toList();
        String arn = SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://tags51.example.com").tags(fifty))
                .openIDConnectProviderArn();

        awsError(() -> SIGIL.root().tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)
                .tags(tag("extra", "v"))), LimitExceededException.class, 409, "LimitExceeded",
                "The number of tags has reached the maximum limit.");
        assertThat(SIGIL.root().listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags())
                .hasSize(50).noneMatch(t -> t.key().equals("extra"));
        SIGIL.root().createRole(r -> r.roleName("tags51-role").assumeRolePolicyDocument(TRUST).tags(fifty));
        awsError(() -> SIGIL.root().tagRole(r -> r.roleName("tags51-role").tags(tag("extra", "v"))),
                LimitExceededException.class, 409, "LimitExceeded", "Cannot exceed quota for TagsPerRole: 50");
    }

    @Test
    void addAndRemoveClientId_areIdempotent_andRemovingTheLastOneIsAllowed() {
        String arn = create("https://clients.example.com", "a");

        SIGIL.root().addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("b"));
        SIGIL.root().addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("b"));
        assertThat(SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList())
                .containsExactly("a", "b");

        SIGIL.root().removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        SIGIL.root().removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)
                .clientID("never-added"));
        SIGIL.root().removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("b"));
        assertThat(SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList())
                .isEmpty();
    }

    @Test
    void updateThumbprint_replacesTheWholeList() {
        String arn = create("https://thumbs.example.com", "a");

        SIGIL.root().updateOpenIDConnectProviderThumbprint(r -> r.openIDConnectProviderArn(arn)
                .thumbprintList(THUMB_B));

        assertThat(SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList())
                .containsExactly(THUMB_B);
    }

    @Test
    void list_answersEveryProvidersArn() {
        create("https://b.example.com");
        create("https://a.example.com/x");

        assertThat(SIGIL.root().listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(OpenIDConnectProviderListEntry::arn)
                .containsExactly(arn("a.example.com/x"), arn("b.example.com"));
    }

    @Test
    void anUnknownProvider_isNoSuchEntity_withAwsText_butDeletingItIsIdempotent() {
        String unknown = arn("nobody.example.com");
        awsError(() -> SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(unknown)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "OpenIDConnect Provider not found for arn " + unknown);
        awsError(() -> SIGIL.root().addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(unknown)
                .clientID("a")),
                NoSuchEntityException.class, 404, "NoSuchEntity", null);
        awsError(() -> SIGIL.root().tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(unknown).tags(tag("k",
                "v"))),
                NoSuchEntityException.class, 404, "NoSuchEntity", null);

        SIGIL.root().deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(unknown));
    }

    @Test
    void anArnThatIsNoOidcProviderArn_isInvalidInput() {
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/not-a-provider";
        awsError(() -> SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(roleArn)),
                InvalidInputException.class, 400, "InvalidInput", "ARN " + roleArn + " is not valid.");
    }

    @Test
    void deletedProvider_isGone_andItsUrlCanBeRegisteredAgain() {
        String arn = create("https://again.example.com", "a");
        SIGIL.root().deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));

        awsError(() -> SIGIL.root().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)),
                NoSuchEntityException.class, 404, "NoSuchEntity", null);
        assertThat(create("https://again.example.com")).isEqualTo(arn);
    }

    @Test
    void tags_areAddedReplacedRemovedAndListedInKeyOrder() {
        String arn = create("https://tagged.example.com");

        SIGIL.root().tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tag("b", "1"), tag("A", "2")));
        SIGIL.root().tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tag("B", "3")));
        SIGIL.root().untagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tagKeys("a", "missing"));

        // Keys of OIDC providers are case sensitive (IAM User Guide, "Tagging IAM resources").
        assertThat(SIGIL.root().listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags())
                .containsExactly(tag("A", "2"), tag("B", "3"), tag("b", "1"));
        SIGIL.root().untagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tagKeys("A", "b"));
        assertThat(SIGIL.root().listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags())
                .containsExactly(tag("B", "3"));
        awsError(() -> SIGIL.root().tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tag("aws:x",
                "1"))),
                InvalidInputException.class, 400, "InvalidInput", null);
    }

    @Test
    void enforcement_anIamUserNeedsTheActionOnTheProviderArn_andConditionsSeeItsTags() {
        String arn = SIGIL.root().createOpenIDConnectProvider(r -> r.url("https://guarded.example.com")
                .tags(tag("team", "red"))).openIDConnectProviderArn();
        SIGIL.root().createUser(r -> r.userName("oidc-reader"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:GetOpenIDConnectProvider\",\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}}]}";
        try (IamClient user = SdkFixture.signingAs(SIGIL.server(), "oidc-reader", policy)) {
            IamException e = awsError(() -> user.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)),
                    IamException.class, 403, "AccessDenied", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains("iam:GetOpenIDConnectProvider on resource: " + arn);

            SIGIL.root().tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tag("team", "blue")));
            assertThat(user.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).url())
                    .isEqualTo("guarded.example.com");
            awsError(() -> user.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)), IamException.class,
                    403, "AccessDenied", null);
        }
    }
}
