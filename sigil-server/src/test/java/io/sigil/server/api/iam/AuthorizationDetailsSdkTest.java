package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.ServerPerClass;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * GetAccountAuthorizationDetails through the SDK (IAM API Reference): every detail of users, groups, roles and
 * managed policies, the Filter, and MaxItems/Marker paging across the four lists. The answer covers the whole
 * account, so this class has a server of its own, set up once.
 */
class AuthorizationDetailsSdkTest {

    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String BOUNDARY = "arn:aws:iam::aws:policy/PowerUserAccess";
    private static final String INLINE = allow("s3:GetObject");
    private static final String V2 = allow("s3:GetObject", "s3:PutObject");

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static String localArn;

    @BeforeAll
    static void start() {
        localArn = SIGIL.root().createPolicy(r -> r.policyName("app-policy").path("/app/").description("for the app")
                .policyDocument(allow("sqs:SendMessage"))).policy().arn();
        SIGIL.root().createPolicyVersion(r -> r.policyArn(localArn).policyDocument(V2).setAsDefault(true));
        SIGIL.root().createPolicy(r -> r.policyName("unused-policy").policyDocument(allow("sns:Publish")));
        SIGIL.root().createUser(r -> r.userName("alice").permissionsBoundary(BOUNDARY)
                .tags(Tag.builder().key("team").value("blue").build()));
        SIGIL.root().createUser(r -> r.userName("bob"));
        SIGIL.root().putUserPolicy(r -> r.userName("alice").policyName("alice-inline").policyDocument(INLINE));
        SIGIL.root().createGroup(r -> r.groupName("admins"));
        SIGIL.root().createGroup(r -> r.groupName("devs"));
        SIGIL.root().addUserToGroup(r -> r.groupName("admins").userName("alice"));
        SIGIL.root().addUserToGroup(r -> r.groupName("devs").userName("alice"));
        SIGIL.root().putGroupPolicy(r -> r.groupName("devs").policyName("devs-inline").policyDocument(INLINE));
        SIGIL.root().attachGroupPolicy(r -> r.groupName("devs").policyArn(localArn));
        SIGIL.root().attachUserPolicy(r -> r.userName("alice").policyArn(READ_ONLY));
        SIGIL.root().createRole(r -> r.roleName("web").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST)
                .permissionsBoundary(BOUNDARY).tags(Tag.builder().key("tier").value("front").build()));
        SIGIL.root().putRolePolicy(r -> r.roleName("web").policyName("web-inline").policyDocument(INLINE));
        SIGIL.root().attachRolePolicy(r -> r.roleName("web").policyArn(localArn));
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("web-profile"));
        SIGIL.root().addRoleToInstanceProfile(r -> r.instanceProfileName("web-profile").roleName("web"));
    }

    private static String decoded(String urlEncoded) {
        return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
    }

    @Test
    void userDetail_carriesInlinePoliciesGroupsAttachedPoliciesBoundaryAndTags() {
        GetAccountAuthorizationDetailsResponse r = SIGIL.root().getAccountAuthorizationDetails();

        assertThat(r.isTruncated()).isFalse();
        assertThat(r.userDetailList()).extracting(UserDetail::userName).containsExactly("alice", "bob");
        UserDetail alice = r.userDetailList().get(0);
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::" + SdkFixture.ACCOUNT + ":user/alice");
        assertThat(alice.userId()).startsWith("AIDA");
        assertThat(alice.path()).isEqualTo("/");
        assertThat(alice.createDate()).isNotNull();
        assertThat(alice.groupList()).containsExactly("admins", "devs");
        assertThat(alice.userPolicyList()).singleElement().satisfies(p -> {
            assertThat(p.policyName()).isEqualTo("alice-inline");
            assertThat(p.policyDocument()).isEqualTo(PolicyDocumentEncoding.encode(INLINE));
            assertThat(decoded(p.policyDocument())).isEqualTo(INLINE);
        });
        assertThat(alice.attachedManagedPolicies()).singleElement().satisfies(a -> {
            assertThat(a.policyArn()).isEqualTo(READ_ONLY);
            assertThat(a.policyName()).isEqualTo("ReadOnlyAccess");
        });
        assertThat(alice.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        assertThat(alice.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("Policy");
        assertThat(alice.tags()).containsExactly(Tag.builder().key("team").value("blue").build());
        UserDetail bob = r.userDetailList().get(1);
        // As AWS answers (LocalStack's AWS-validated snapshots, test_iam_account_authorization_details): no
        // UserPolicyList for a user without inline policies, and an empty Tags element for one without tags
        assertThat(bob.hasUserPolicyList()).isFalse();
        assertThat(bob.groupList()).isEmpty();
        assertThat(bob.attachedManagedPolicies()).isEmpty();
        assertThat(bob.permissionsBoundary()).isNull();
        assertThat(bob.hasTags()).isTrue();
        assertThat(bob.tags()).isEmpty();
    }

    @Test
    void groupDetail_carriesInlineAndAttachedPolicies() {
        List<GroupDetail> groups = SIGIL.root().getAccountAuthorizationDetails().groupDetailList();

        assertThat(groups).extracting(GroupDetail::groupName).containsExactly("admins", "devs");
        GroupDetail devs = groups.get(1);
        assertThat(devs.arn()).isEqualTo("arn:aws:iam::" + SdkFixture.ACCOUNT + ":group/devs");
        assertThat(devs.groupId()).startsWith("AGPA");
        assertThat(devs.groupPolicyList()).singleElement().satisfies(p -> {
            assertThat(p.policyName()).isEqualTo("devs-inline");
            assertThat(decoded(p.policyDocument())).isEqualTo(INLINE);
        });
        assertThat(devs.attachedManagedPolicies()).singleElement().satisfies(a -> {
            assertThat(a.policyArn()).isEqualTo(localArn);
            assertThat(a.policyName()).isEqualTo("app-policy");
        });
        assertThat(groups.get(0).groupPolicyList()).isEmpty();
    }

    @Test
    void roleDetail_carriesTrustPolicyInstanceProfilesPoliciesBoundaryTagsAndLastUsed() {
        RoleDetail web = SIGIL.root().getAccountAuthorizationDetails().roleDetailList().stream()
                .filter(d -> d.roleName().equals("web")).findFirst().orElseThrow();

        assertThat(web.arn()).isEqualTo("arn:aws:iam::" + SdkFixture.ACCOUNT + ":role/web");
        assertThat(web.roleId()).startsWith("AROA");
        assertThat(web.assumeRolePolicyDocument()).isEqualTo(PolicyDocumentEncoding.encode(RoleFixtures.EC2_TRUST));
        assertThat(web.instanceProfileList()).singleElement().satisfies(p -> {
            assertThat(p.instanceProfileName()).isEqualTo("web-profile");
            assertThat(p.roles()).extracting(role -> role.roleName()).containsExactly("web");
        });
        assertThat(web.rolePolicyList()).singleElement().satisfies(p ->
                assertThat(decoded(p.policyDocument())).isEqualTo(INLINE));
        assertThat(web.attachedManagedPolicies()).extracting(a -> a.policyArn()).containsExactly(localArn);
        assertThat(web.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
        assertThat(web.tags()).containsExactly(Tag.builder().key("tier").value("front").build());
        SIGIL.root().createRole(b -> b.roleName("untagged-detail").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));
        RoleDetail untagged = SIGIL.root().getAccountAuthorizationDetails().roleDetailList().stream()
                .filter(d -> d.roleName().equals("untagged-detail")).findFirst().orElseThrow();
        assertThat(untagged.hasTags()).as("an empty Tags element, as AWS sends it").isTrue();
        assertThat(untagged.tags()).isEmpty();
        SIGIL.root().deleteRole(b -> b.roleName("untagged-detail")); // the class's other tests count the roles
        assertThat(web.roleLastUsed()).isNotNull();
        assertThat(web.roleLastUsed().lastUsedDate()).isNull();
    }

    @Test
    void policies_areTheCustomerManagedOnes_andTheAwsManagedOnesInUse_withEveryVersionDocumentEncoded() {
        List<ManagedPolicyDetail> policies = SIGIL.root().getAccountAuthorizationDetails().policies();

        assertThat(policies).extracting(ManagedPolicyDetail::arn).containsExactlyInAnyOrder(localArn,
                "arn:aws:iam::" + SdkFixture.ACCOUNT + ":policy/unused-policy", READ_ONLY, BOUNDARY);
        ManagedPolicyDetail app = policies.stream().filter(p -> p.arn().equals(localArn)).findFirst().orElseThrow();
        assertThat(app.policyName()).isEqualTo("app-policy");
        assertThat(app.path()).isEqualTo("/app/");
        assertThat(app.description()).isEqualTo("for the app");
        assertThat(app.defaultVersionId()).isEqualTo("v2");
        assertThat(app.attachmentCount()).isEqualTo(2);
        assertThat(app.permissionsBoundaryUsageCount()).isZero();
        assertThat(app.isAttachable()).isTrue();
        assertThat(app.policyVersionList()).extracting(PolicyVersion::versionId).containsExactly("v1", "v2");
        assertThat(app.policyVersionList()).extracting(PolicyVersion::isDefaultVersion).containsExactly(false, true);
        assertThat(decoded(app.policyVersionList().get(1).document())).isEqualTo(V2);
        ManagedPolicyDetail boundary = policies.stream().filter(p -> p.arn().equals(BOUNDARY)).findFirst()
                .orElseThrow();
        assertThat(boundary.attachmentCount()).isZero();
        assertThat(boundary.permissionsBoundaryUsageCount()).isEqualTo(2);
        // an AWS managed policy lists all its versions with their documents, as AWS answers (LocalStack's
        // AWS-validated snapshots, 2026) and as ListPolicyVersions and GetPolicyVersion give them
        List<String> listed = SIGIL.root().listPolicyVersions(r -> r.policyArn(BOUNDARY)).versions().stream()
                .map(PolicyVersion::versionId).toList();
        assertThat(boundary.policyVersionList()).hasSizeGreaterThan(1)
                .extracting(PolicyVersion::versionId).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(boundary.policyVersionList()).filteredOn(PolicyVersion::isDefaultVersion).singleElement()
                .satisfies(v -> {
                    assertThat(v.versionId()).isEqualTo(boundary.defaultVersionId());
                    assertThat(decoded(v.document())).contains("\"NotAction\"");
                });
        // the oldest and the default (each GetPolicyVersion of an older version reads the bundled history once)
        for (PolicyVersion v : List.of(boundary.policyVersionList().get(0),
                boundary.policyVersionList().get(boundary.policyVersionList().size() - 1))) {
            assertThat(v.document()).isEqualTo(SIGIL.root().getPolicyVersion(r -> r.policyArn(BOUNDARY)
                    .versionId(v.versionId())).policyVersion().document());
        }
    }

    @Test
    void filter_keepsOnlyTheTypesNamed() {
        GetAccountAuthorizationDetailsResponse roles = SIGIL.root()
                .getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE));
        assertThat(roles.roleDetailList()).extracting(RoleDetail::roleName).containsExactly("web");
        assertThat(roles.userDetailList()).isEmpty();
        assertThat(roles.groupDetailList()).isEmpty();
        assertThat(roles.policies()).isEmpty();

        GetAccountAuthorizationDetailsResponse local = SIGIL.root().getAccountAuthorizationDetails(
                r -> r.filter(EntityType.LOCAL_MANAGED_POLICY));
        assertThat(local.policies()).extracting(ManagedPolicyDetail::policyName)
                .containsExactly("app-policy", "unused-policy");

        GetAccountAuthorizationDetailsResponse aws = SIGIL.root().getAccountAuthorizationDetails(
                r -> r.filter(EntityType.AWS_MANAGED_POLICY, EntityType.USER));
        assertThat(aws.policies()).extracting(ManagedPolicyDetail::arn).containsExactly(BOUNDARY, READ_ONLY);
        assertThat(aws.userDetailList()).extracting(UserDetail::userName).containsExactly("alice", "bob");
    }

    @Test
    void filter_withAValueOutsideEntityType_isValidationError() {
        awsError(() -> SIGIL.root().getAccountAuthorizationDetails(r -> r.filterWithStrings("Users")),
                IamException.class,
                400, "ValidationError", null);
    }

    @Test
    void maxItems_pagesAcrossTheFourListsTogether_andTheMarkerResumesWhereThePageEnded() {
        GetAccountAuthorizationDetailsResponse whole = SIGIL.root().getAccountAuthorizationDetails();
        int total = whole.userDetailList().size() + whole.groupDetailList().size() + whole.roleDetailList().size()
                + whole.policies().size();
        List<String> paged = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            GetAccountAuthorizationDetailsResponse page = SIGIL.root()
                    .getAccountAuthorizationDetails(r -> r.maxItems(3).marker(m));
            int n = page.userDetailList().size() + page.groupDetailList().size() + page.roleDetailList().size()
                    + page.policies().size();
            assertThat(n).isLessThanOrEqualTo(3);
            page.userDetailList().forEach(d -> paged.add("user " + d.userName()));
            page.groupDetailList().forEach(d -> paged.add("group " + d.groupName()));
            page.roleDetailList().forEach(d -> paged.add("role " + d.roleName()));
            page.policies().forEach(d -> paged.add("policy " + d.arn()));
            assertThat(page.isTruncated()).isEqualTo(page.marker() != null);
            marker = page.marker();
            pages++;
        } while (marker != null);

        assertThat(paged).hasSize(total).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((total + 2) / 3);
        assertThat(paged.subList(0, 4)).containsExactly("user alice", "user bob", "group admins", "group devs");
        awsError(() -> SIGIL.root().getAccountAuthorizationDetails(r -> r.marker("bogus")), IamException.class, 400,
                "InvalidInput", "Invalid Marker: bogus");
    }

    @Test
    void getAccountAuthorizationDetails_isEnforced_onNoResource() {
        try (IamClient bob = signingAs(SIGIL.server(), "bob", allow("iam:GetUser"))) {
            IamException e = awsError(() -> bob.getAccountAuthorizationDetails(), IamException.class, 403,
                    "AccessDenied", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains(
                    "is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: *");
        }
        try (IamClient bob = signingAs(SIGIL.server(), "bob", allow("iam:GetAccountAuthorizationDetails"))) {
            assertThat(bob.getAccountAuthorizationDetails().userDetailList()).isNotEmpty();
        } finally {
            // leave bob as the other tests expect him: no inline policy, no keys
            SIGIL.root().deleteUserPolicy(r -> r.userName("bob").policyName("test-permissions"));
            SIGIL.root().listAccessKeys(r -> r.userName("bob")).accessKeyMetadata().forEach(k ->
                    SIGIL.root().deleteAccessKey(r -> r.userName("bob").accessKeyId(k.accessKeyId())));
        }
    }
}
