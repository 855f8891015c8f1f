package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Limits;
import io.sigil.server.cli.ServeCommand;
import io.sigil.server.testing.SigilTestServer;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Each main IAM quota, set small as {@code sigil serve --quota NAME=VALUE} sets it, at limit−1, limit and limit+1
 * through the API (STYLE.md §9; IAM User Guide, "IAM and AWS STS quotas"), and GetAccountSummary reporting the
 * quotas in force. Each test has a fresh server: the quotas are account-wide.
 */
class ConfiguredQuotasSdkTest {

    private static final List<String> QUOTAS = List.of("UsersPerAccount=3", "GroupsPerAccount=3",
            "RolesPerAccount=2", "PoliciesPerAccount=2", "GroupsPerUser=2", "AttachedPoliciesPerEntity=2",
            "VersionsPerPolicy=3", "InstanceProfilesPerAccount=2", "TagsPerResource=3", "AccessKeysPerUser=1",
            "UserPolicySize=300", "GroupPolicySize=400", "RolePolicySize=500", "PolicySize=600");

    private SigilTestServer server;
    private IamClient iam;

    @BeforeEach
    void start() {
        server = SigilTestServer.start(ServeCommand.quotas(QUOTAS));
        iam = server.rootIam();
    }

    @AfterEach
    void stop() {
        iam.close();
        server.close();
    }

    private static void limitExceeded(ThrowingCallable call, String message) {
        awsError(call, LimitExceededException.class, 409, "LimitExceeded", message);
    }

    @Test
    void usersPerAccount_threeUsersFit_theFourthIsLimitExceeded() {
        iam.createUser(r -> r.userName("u1"));
        iam.createUser(r -> r.userName("u2"));
        iam.createUser(r -> r.userName("u3"));

        limitExceeded(() -> iam.createUser(r -> r.userName("u4")), "Cannot exceed quota for UsersPerAccount: 3");
        assertThat(iam.listUsers().users()).hasSize(3);
    }

    @Test
    void groupsPerAccount_threeGroupsFit_theFourthIsLimitExceeded() {
        for (int i = 1; i <= 3; i++) {
            String name = "g" + i;
            iam.createGroup(r -> r.groupName(name));
        }

        limitExceeded(() -> iam.createGroup(r -> r.groupName("g4")), "Cannot exceed quota for GroupsPerAccount: 3");
    }

    @Test
    void rolesPerAccount_twoRolesFit_theThirdIsLimitExceeded() {
        iam.createRole(r -> r.roleName("r1").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));
        iam.createRole(r -> r.roleName("r2").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));

        limitExceeded(() -> iam.createRole(r -> r.roleName("r3").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST)),
                "Cannot exceed quota for RolesPerAccount: 2");
    }

    @Test
    void policiesPerAccount_twoCustomerManagedPoliciesFit_theThirdIsLimitExceeded() {
        iam.createPolicy(r -> r.policyName("p1").policyDocument(allow("s3:GetObject")));
        iam.createPolicy(r -> r.policyName("p2").policyDocument(allow("s3:GetObject")));

        limitExceeded(() -> iam.createPolicy(r -> r.policyName("p3").policyDocument(allow("s3:GetObject"))),
                "Cannot exceed quota for PoliciesPerAccount: 2");
    }

    @Test
    void groupsPerUser_aUserJoinsTwoGroups_theThirdIsLimitExceeded() {
        iam.createUser(r -> r.userName("joiner"));
        for (int i = 1; i <= 3; i++) {
            String name = "team" + i;
            iam.createGroup(r -> r.groupName(name));
        }
        iam.addUserToGroup(r -> r.userName("joiner").groupName("team1"));
        iam.addUserToGroup(r -> r.userName("joiner").groupName("team2"));

        limitExceeded(() -> iam.addUserToGroup(r -> r.userName("joiner").groupName("team3")),
                "Cannot exceed quota for GroupsPerUser: 2");
    }

    @Test
    void attachedPoliciesPerEntity_twoAttachmentsFit_theThirdIsLimitExceeded_forUsersGroupsAndRoles() {
        iam.createUser(r -> r.userName("holder"));
        iam.createGroup(r -> r.groupName("holders"));
        iam.createRole(r -> r.roleName("holder-role").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));
        List<String> arns = List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/IAMReadOnlyAccess",
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        for (String arn : arns.subList(0, 2)) {
            iam.attachUserPolicy(r -> r.userName("holder").policyArn(arn));
            iam.attachGroupPolicy(r -> r.groupName("holders").policyArn(arn));
            iam.attachRolePolicy(r -> r.roleName("holder-role").policyArn(arn));
        }

        limitExceeded(() -> iam.attachUserPolicy(r -> r.userName("holder").policyArn(arns.get(2))),
                "Cannot exceed quota for PoliciesPerUser: 2");
        limitExceeded(() -> iam.attachGroupPolicy(r -> r.groupName("holders").policyArn(arns.get(2))),
                "Cannot exceed quota for PoliciesPerGroup: 2");
        limitExceeded(() -> iam.attachRolePolicy(r -> r.roleName("holder-role").policyArn(arns.get(2))),
                "Cannot exceed quota for PoliciesPerRole: 2");
    }

    @Test
    void versionsPerPolicy_threeVersionsFit_theFourthIsLimitExceeded() {
        String arn = iam.createPolicy(r -> r.policyName("versioned").policyDocument(allow("s3:GetObject")))
                .policy().arn();
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:PutObject")));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:ListBucket")));

        limitExceeded(() -> iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(allow("s3:DeleteObject"))),
                "A managed policy can have up to 3 versions. Before you create a new version, you must delete an "
                        + "existing version.");
        assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions()).hasSize(3);
    }

    @Test
    void instanceProfilesPerAccount_twoProfilesFit_theThirdIsLimitExceeded() {
        iam.createInstanceProfile(r -> r.instanceProfileName("ip1"));
        iam.createInstanceProfile(r -> r.instanceProfileName("ip2"));

        limitExceeded(() -> iam.createInstanceProfile(r -> r.instanceProfileName("ip3")),
                "Cannot exceed quota for InstanceProfilesPerAccount: 2");
    }

    @Test
    void tagsPerResource_threeTagsFit_aFourthIsLimitExceeded_atCreateAndOnTag() {
        iam.createUser(r -> r.userName("tagged").tags(tag("a"), tag("b")));
        iam.tagUser(r -> r.userName("tagged").tags(tag("c")));

        limitExceeded(() -> iam.tagUser(r -> r.userName("tagged").tags(tag("d"))),
                "Cannot exceed quota for TagsPerUser: 3");
        limitExceeded(() -> iam.createRole(r -> r.roleName("overtagged")
                .assumeRolePolicyDocument(RoleFixtures.EC2_TRUST).tags(tag("a"), tag("b"), tag("c"), tag("d"))),
                "Cannot exceed quota for TagsPerRole: 3");
        assertThat(iam.listUserTags(r -> r.userName("tagged")).tags()).hasSize(3);
    }

    @Test
    void accessKeysPerUser_oneKeyFits_theSecondIsLimitExceeded() {
        iam.createUser(r -> r.userName("keyed"));
        iam.createAccessKey(r -> r.userName("keyed"));

        limitExceeded(() -> iam.createAccessKey(r -> r.userName("keyed")),
                "Cannot exceed quota for AccessKeysPerUser: 1");
    }

    /** A policy document of exactly {@code size} characters, none of them whitespace. */
    private static String documentOfSize(int size) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::";
        String tail = "\"}]}";
        return head + "b".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void inlinePolicySizes_documentsUpToTheAggregateQuotaFit_oneCharacterMoreIsLimitExceeded() {
        iam.createUser(r -> r.userName("sized"));
        iam.createGroup(r -> r.groupName("sized-group"));
        iam.createRole(r -> r.roleName("sized-role").assumeRolePolicyDocument(RoleFixtures.EC2_TRUST));
        assertThat(documentOfSize(300)).hasSize(300);

        iam.putUserPolicy(r -> r.userName("sized").policyName("p").policyDocument(documentOfSize(299)));
        iam.putUserPolicy(r -> r.userName("sized").policyName("p").policyDocument(documentOfSize(300)));
        limitExceeded(() -> iam.putUserPolicy(r -> r.userName("sized").policyName("p")
                .policyDocument(documentOfSize(301))), "Maximum policy size of 300 bytes exceeded for user sized");
        iam.putGroupPolicy(r -> r.groupName("sized-group").policyName("p").policyDocument(documentOfSize(400)));
        limitExceeded(() -> iam.putGroupPolicy(r -> r.groupName("sized-group").policyName("p")
                .policyDocument(documentOfSize(401))),
                "Maximum policy size of 400 bytes exceeded for group sized-group");
        iam.putRolePolicy(r -> r.roleName("sized-role").policyName("p").policyDocument(documentOfSize(500)));
        limitExceeded(() -> iam.putRolePolicy(r -> r.roleName("sized-role").policyName("p")
                .policyDocument(documentOfSize(501))),
                "Maximum policy size of 500 bytes exceeded for role sized-role");
    }

    @Test
    void policySize_aManagedPolicyDocumentOfTheQuotaFits_oneCharacterMoreIsLimitExceeded() {
        iam.createPolicy(r -> r.policyName("at-limit").policyDocument(documentOfSize(600)));

        limitExceeded(() -> iam.createPolicy(r -> r.policyName("over-limit").policyDocument(documentOfSize(601))),
                "Cannot exceed quota for PolicySize: 600");
    }

    @Test
    void getAccountSummary_reportsTheConfiguredQuotas() {
        Map<SummaryKeyType, Integer> m = iam.getAccountSummary().summaryMap();

        assertThat(m).containsEntry(SummaryKeyType.USERS_QUOTA, 3)
                .containsEntry(SummaryKeyType.GROUPS_QUOTA, 3)
                .containsEntry(SummaryKeyType.ROLES_QUOTA, 2)
                .containsEntry(SummaryKeyType.POLICIES_QUOTA, 2)
                .containsEntry(SummaryKeyType.GROUPS_PER_USER_QUOTA, 2)
                .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_USER_QUOTA, 2)
                .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_GROUP_QUOTA, 2)
                .containsEntry(SummaryKeyType.ATTACHED_POLICIES_PER_ROLE_QUOTA, 2)
                .containsEntry(SummaryKeyType.VERSIONS_PER_POLICY_QUOTA, 3)
                .containsEntry(SummaryKeyType.INSTANCE_PROFILES_QUOTA, 2)
                .containsEntry(SummaryKeyType.ACCESS_KEYS_PER_USER_QUOTA, 1)
                .containsEntry(SummaryKeyType.USER_POLICY_SIZE_QUOTA, 300)
                .containsEntry(SummaryKeyType.GROUP_POLICY_SIZE_QUOTA, 400)
                .containsEntry(SummaryKeyType.ROLE_POLICY_SIZE_QUOTA, 500)
                .containsEntry(SummaryKeyType.POLICY_SIZE_QUOTA, 600);
        assertThat(server.app().config().quotas()).isNotEqualTo(Limits.AWS_DEFAULTS);
    }

    private static Tag tag(String key) {
        return Tag.builder().key(key).value("v").build();
    }
}
