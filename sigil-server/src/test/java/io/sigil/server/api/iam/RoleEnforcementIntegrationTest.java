package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.RoleFixtures.EC2_TRUST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sigil.iam.model.InlinePolicy;
import io.sigil.iam.model.PolicyOwnerKind;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The enforcement table's rules for roles, service-linked roles and instance profiles: each operation is authorised
 * on the role or profile ARN (with its stored path) and carries aws:RequestTag/*, aws:TagKeys, aws:ResourceTag/*,
 * iam:PermissionsBoundary and iam:AWSServiceName as the Service Authorization Reference lists them.
 */
class RoleEnforcementIntegrationTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    /** A user with one inline policy of one statement, and a client signing as that user. */
    private static IamClient userWith(String name, String statement) {
        IamClient client = RoleFixtures.userClient(SIGIL.server(), name,
                "secret-of-" + name + "-0000000000000000000000");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
        SIGIL.server().app().store().write(tx -> tx.inlinePolicies().put(new InlinePolicy(ACCOUNT, PolicyOwnerKind.USER,
                name, "p", policy)));
        return client;
    }

    private static void assertDenied(Runnable call, String action, String resource) {
        assertThatThrownBy(call::run).isInstanceOf(IamException.class)
                .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"))
                .hasMessageContaining("is not authorized to perform: " + action + " on resource: " + resource);
    }

    @Test
    void roleActions_areAuthorisedOnTheRoleArnWithItsStoredPath() {
        SIGIL.root().createRole(r -> r.roleName("AppRole").path("/app/").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().createRole(r -> r.roleName("RootRole").assumeRolePolicyDocument(EC2_TRUST));
        try (IamClient alice = userWith("alice", "{\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\","
                + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":role/app/*\"}")) {
            assertThat(alice.getRole(r -> r.roleName("AppRole")).role().roleName()).isEqualTo("AppRole");
            // AccessDenied names an existing role "role NAME", what a Create* would make by ARN (aws/aws-cdk#27067).
            assertDenied(() -> alice.getRole(r -> r.roleName("RootRole")), "iam:GetRole", "role RootRole");
            assertDenied(() -> alice.createRole(r -> r.roleName("New").path("/app/").assumeRolePolicyDocument(EC2_TRUST)),
                    "iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/app/New");
        }
    }

    @Test
    void deleteRole_isDecidedByTheRolesTags_asAwsResourceTag() {
        SIGIL.root().createRole(r -> r.roleName("Blue").assumeRolePolicyDocument(EC2_TRUST)
                .tags(Tag.builder().key("team").value("blue").build()));
        SIGIL.root().createRole(r -> r.roleName("Red").assumeRolePolicyDocument(EC2_TRUST)
                .tags(Tag.builder().key("team").value("red").build()));
        try (IamClient bob = userWith("bob", "{\"Effect\":\"Allow\",\"Action\":\"iam:DeleteRole\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"blue\"}}}")) {
            bob.deleteRole(r -> r.roleName("Blue"));
            assertDenied(() -> bob.deleteRole(r -> r.roleName("Red")), "iam:DeleteRole", "role Red");
        }
    }

    @Test
    void createRole_carriesRequestTagsTagKeysAndThePermissionsBoundary() {
        String boundary = SIGIL.root().createPolicy(r -> r.policyName("Boundary").policyDocument(RoleFixtures.S3_READ))
                .policy().arn();
        try (IamClient carol = userWith("carol", "{\"Effect\":\"Allow\",\"Action\":\"iam:CreateRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PermissionsBoundary\":\"" + boundary
                + "\",\"aws:RequestTag/team\":\"blue\"},\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"iam:TagRole\",\"Resource\":\"*\"}")) {
            carol.createRole(r -> r.roleName("Bounded").assumeRolePolicyDocument(EC2_TRUST).permissionsBoundary(boundary)
                    .tags(Tag.builder().key("team").value("blue").build()));
            assertDenied(() -> carol.createRole(r -> r.roleName("Unbounded").assumeRolePolicyDocument(EC2_TRUST)
                    .tags(Tag.builder().key("team").value("blue").build())), "iam:CreateRole",
                    "arn:aws:iam::" + ACCOUNT + ":role/Unbounded");
            assertDenied(() -> carol.createRole(r -> r.roleName("ExtraTag").assumeRolePolicyDocument(EC2_TRUST)
                    .permissionsBoundary(boundary).tags(Tag.builder().key("team").value("blue").build(),
                            Tag.builder().key("cost").value("1").build())), "iam:CreateRole",
                    "arn:aws:iam::" + ACCOUNT + ":role/ExtraTag");
        }
    }

    /**
     * Tags passed to a Create* need the Tag* action too ("not authorized to perform: iam:TagRole on resource:
     * arn:aws:iam::...:role/abc" for a CreateRole with tags, aws-cloudformation/cloudformation-coverage-roadmap#1859).
     */
    @Test
    void createRoleWithTags_needsIamTagRole_onTheRoleItWouldCreate() {
        try (IamClient gus = userWith("gus", "{\"Effect\":\"Allow\",\"Action\":\"iam:CreateRole\",\"Resource\":\"*\"}")) {
            gus.createRole(r -> r.roleName("Untagged").assumeRolePolicyDocument(EC2_TRUST));
            assertDenied(() -> gus.createRole(r -> r.roleName("Tagged").assumeRolePolicyDocument(EC2_TRUST)
                    .tags(Tag.builder().key("team").value("x").build())), "iam:TagRole",
                    "arn:aws:iam::" + ACCOUNT + ":role/Tagged");
        }
    }

    /** A role's tags are iam:ResourceTag/KEY as well as aws:ResourceTag/KEY (Service Authorization Reference, IAM). */
    @Test
    void roleTags_areIamResourceTagKeysToo() {
        SIGIL.root().createRole(r -> r.roleName("Teal").assumeRolePolicyDocument(EC2_TRUST)
                .tags(Tag.builder().key("team").value("teal").build()));
        SIGIL.root().createRole(r -> r.roleName("Grey").assumeRolePolicyDocument(EC2_TRUST));
        try (IamClient ida = userWith("ida", "{\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"iam:ResourceTag/team\":\"teal\"}}}")) {
            assertThat(ida.getRole(r -> r.roleName("Teal")).role().roleName()).isEqualTo("Teal");
            assertDenied(() -> ida.getRole(r -> r.roleName("Grey")), "iam:GetRole", "role Grey");
        }
    }

    /**
     * A list action's resource carries its PathPrefix ("iam:ListInstanceProfiles on resource:
     * arn:aws:iam::ACCOUNT:instance-profile/karpenter/eu-west-1/.../", kubernetes/kops#17854).
     */
    @Test
    void listInstanceProfiles_isAuthorisedOnThePathItAsksFor() {
        try (IamClient jo = userWith("jo", "{\"Effect\":\"Allow\",\"Action\":\"iam:ListInstanceProfiles\","
                + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":instance-profile/ip/*\"}")) {
            assertThat(jo.listInstanceProfiles(r -> r.pathPrefix("/ip/team/")).instanceProfiles()).isNotNull();
            assertDenied(() -> jo.listInstanceProfiles(r -> r.pathPrefix("/other/")), "iam:ListInstanceProfiles",
                    "arn:aws:iam::" + ACCOUNT + ":instance-profile/other/ ");
            assertDenied(() -> jo.listInstanceProfiles(), "iam:ListInstanceProfiles",
                    "arn:aws:iam::" + ACCOUNT + ":instance-profile/ ");
        }
    }

    @Test
    void createServiceLinkedRole_carriesIamAwsServiceName_onTheRoleItWouldCreate() {
        try (IamClient dave = userWith("dave", "{\"Effect\":\"Allow\",\"Action\":\"iam:CreateServiceLinkedRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:AWSServiceName\":\"rds.amazonaws.com\"}}}")) {
            dave.createServiceLinkedRole(r -> r.awsServiceName("rds.amazonaws.com"));
            assertDenied(() -> dave.createServiceLinkedRole(r -> r.awsServiceName("ecs.amazonaws.com")),
                    "iam:CreateServiceLinkedRole",
                    "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS");
        }
    }

    @Test
    void instanceProfileActions_areAuthorisedOnTheProfileArn_withRequestAndResourceTags() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Mine").path("/ip/")
                .tags(Tag.builder().key("owner").value("erin").build()));
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Theirs").path("/ip/"));
        try (IamClient erin = userWith("erin", "{\"Effect\":\"Allow\",\"Action\":[\"iam:GetInstanceProfile\","
                + "\"iam:CreateInstanceProfile\"],\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":instance-profile/ip/*\","
                + "\"Condition\":{\"StringEqualsIfExists\":{\"aws:ResourceTag/owner\":\"erin\","
                + "\"aws:RequestTag/owner\":\"erin\"}}},{\"Effect\":\"Allow\",\"Action\":\"iam:TagInstanceProfile\","
                + "\"Resource\":\"*\"}")) {
            erin.getInstanceProfile(r -> r.instanceProfileName("Mine"));
            erin.createInstanceProfile(r -> r.instanceProfileName("Made").path("/ip/")
                    .tags(Tag.builder().key("owner").value("erin").build()));
            assertDenied(() -> erin.createInstanceProfile(r -> r.instanceProfileName("Elsewhere")),
                    "iam:CreateInstanceProfile", "arn:aws:iam::" + ACCOUNT + ":instance-profile/Elsewhere");
            assertDenied(() -> erin.createInstanceProfile(r -> r.instanceProfileName("Stolen").path("/ip/")
                    .tags(Tag.builder().key("owner").value("frank").build())), "iam:CreateInstanceProfile",
                    "arn:aws:iam::" + ACCOUNT + ":instance-profile/ip/Stolen");
            assertThat(erin.getInstanceProfile(r -> r.instanceProfileName("Theirs")).instanceProfile().arn())
                    .endsWith("instance-profile/ip/Theirs");
        }
    }

    @Test
    void addRoleToInstanceProfile_alsoNeedsIamPassRoleOnTheRole() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Launch"));
        SIGIL.root().createRole(r -> r.roleName("Passable").path("/ec2/").assumeRolePolicyDocument(EC2_TRUST));
        SIGIL.root().createRole(r -> r.roleName("Kept").assumeRolePolicyDocument(EC2_TRUST));
        try (IamClient gina = userWith("gina", "{\"Effect\":\"Allow\",\"Action\":[\"iam:AddRoleToInstanceProfile\","
                + "\"iam:RemoveRoleFromInstanceProfile\"],\"Resource\":\"*\"},{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":role/ec2/*\"}")) {
            assertDenied(() -> gina.addRoleToInstanceProfile(r -> r.instanceProfileName("Launch").roleName("Kept")),
                    "iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/Kept");
            gina.addRoleToInstanceProfile(r -> r.instanceProfileName("Launch").roleName("Passable"));
            gina.removeRoleFromInstanceProfile(r -> r.instanceProfileName("Launch").roleName("Passable"));
        }
    }

    @Test
    void addRoleToInstanceProfile_passesTheRoleToEc2_asIamPassedToServiceAndAssociatedResourceArnSay() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("ToEc2"));
        SIGIL.root().createRole(r -> r.roleName("ForEc2").assumeRolePolicyDocument(EC2_TRUST));
        String manage = "{\"Effect\":\"Allow\",\"Action\":[\"iam:AddRoleToInstanceProfile\","
                + "\"iam:RemoveRoleFromInstanceProfile\"],\"Resource\":\"*\"},";
        try (IamClient toLambda = userWith("ivan", manage + "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":"
                + "\"lambda.amazonaws.com\"}}}")) {
            assertDenied(() -> toLambda.addRoleToInstanceProfile(r -> r.instanceProfileName("ToEc2")
                    .roleName("ForEc2")), "iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/ForEc2");
        }
        try (IamClient toEc2 = userWith("judy", manage + "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":"
                + "\"ec2.amazonaws.com\"},\"ArnLike\":{\"iam:AssociatedResourceArn\":\"arn:aws:ec2:*:" + ACCOUNT
                + ":instance/*\"}}}")) {
            toEc2.addRoleToInstanceProfile(r -> r.instanceProfileName("ToEc2").roleName("ForEc2"));
            toEc2.removeRoleFromInstanceProfile(r -> r.instanceProfileName("ToEc2").roleName("ForEc2"));
        }
    }

    @Test
    void addRoleToInstanceProfile_judgesPassRoleWithoutTheInstanceProfilesTags() {
        SIGIL.root().createInstanceProfile(r -> r.instanceProfileName("Tagged").tags(software.amazon.awssdk.services.iam
                .model.Tag.builder().key("env").value("prod").build()));
        SIGIL.root().createRole(r -> r.roleName("PassedPlain").assumeRolePolicyDocument(EC2_TRUST));
        try (IamClient kim = userWith("kim", "{\"Effect\":\"Allow\",\"Action\":[\"iam:AddRoleToInstanceProfile\","
                + "\"iam:PassRole\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:ResourceTag/env\":\"prod\"}}}")) {
            assertDenied(() -> kim.addRoleToInstanceProfile(r -> r.instanceProfileName("Tagged")
                    .roleName("PassedPlain")), "iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/PassedPlain");
        }
    }

    @Test
    void deletionStatus_isAuthorisedOnTheRoleItsTaskIdNames() {
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("kafka.amazonaws.com"));
        SIGIL.root().createServiceLinkedRole(r -> r.awsServiceName("mq.amazonaws.com"));
        String kafka = SIGIL.root().deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForKafka")).deletionTaskId();
        String mq = SIGIL.root().deleteServiceLinkedRole(r -> r.roleName("AWSServiceRoleForAmazonMQ")).deletionTaskId();
        try (IamClient hal = userWith("hal", "{\"Effect\":\"Allow\",\"Action\":"
                + "\"iam:GetServiceLinkedRoleDeletionStatus\",\"Resource\":\"arn:aws:iam::" + ACCOUNT
                + ":role/aws-service-role/kafka.amazonaws.com/*\"}")) {
            assertThat(hal.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(kafka)).statusAsString())
                    .isEqualTo("IN_PROGRESS");
            assertDenied(() -> hal.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(mq)),
                    "iam:GetServiceLinkedRoleDeletionStatus", "role AWSServiceRoleForAmazonMQ");
        }
    }
}
