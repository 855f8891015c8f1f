package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.PolicyTestSupport.ADMIN;
import static io.sigil.server.api.iam.PolicyTestSupport.READ_ONLY;
import static io.sigil.server.api.iam.PolicyTestSupport.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * Enforcement where managed policies and boundaries decide (IAM User Guide, "Policy evaluation logic";
 * "Permissions boundaries for IAM entities"): calls signed by IAM users, with the policies attached through the API.
 */
class ManagedPolicyEnforcementSdkTest {

    private static SigilTestServer server;
    private static IamClient root;

    @BeforeAll
    static void start() {
        server = SharedServer.get();
        root = server.rootIam();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    private static String denied(String user, String action, String resource, String reason) {
        return "User: arn:aws:iam::123456789012:user/" + user + " is not authorized to perform: " + action
                + " on resource: " + resource + " " + reason;
    }

    @Test
    void administratorAccessCappedByAGetOnlyBoundary_allowsGets_andDeniesCreateUserNamingTheBoundary() {
        String getOnly = root.createPolicy(b -> b.policyName("enf-get-only").policyDocument(allow("iam:Get*")))
                .policy().arn();
        root.createUser(b -> b.userName("enf-capped"));
        root.attachUserPolicy(b -> b.userName("enf-capped").policyArn(ADMIN));
        root.putUserPermissionsBoundary(b -> b.userName("enf-capped").permissionsBoundary(getOnly));
        try (IamClient capped = PolicyTestSupport.clientOf(server, "enf-capped")) {
            assertThat(capped.getPolicy(b -> b.policyArn(getOnly)).policy().permissionsBoundaryUsageCount())
                    .isEqualTo(1);
            awsError(() -> capped.createUser(b -> b.userName("enf-new")), IamException.class, 403, "AccessDenied",
                    denied("enf-capped", "iam:CreateUser", "arn:aws:iam::123456789012:user/enf-new",
                            "because no permissions boundary allows the iam:CreateUser action"));
            root.deleteUserPermissionsBoundary(b -> b.userName("enf-capped"));
            capped.createUser(b -> b.userName("enf-new"));
        }
    }

    @Test
    void aGroupsAttachedPolicy_counts_andANewDefaultVersionChangesTheDecisionAtOnce() {
        String arn = root.createPolicy(b -> b.policyName("enf-group").policyDocument(allow("iam:ListPolicies")))
                .policy().arn();
        root.createUser(b -> b.userName("enf-member"));
        root.createGroup(b -> b.groupName("enf-team"));
        root.addUserToGroup(b -> b.groupName("enf-team").userName("enf-member"));
        root.attachGroupPolicy(b -> b.groupName("enf-team").policyArn(arn));
        try (IamClient member = PolicyTestSupport.clientOf(server, "enf-member")) {
            assertThat(member.listPolicies(b -> b.maxItems(1)).policies()).hasSize(1);
            awsError(() -> member.getPolicy(b -> b.policyArn(READ_ONLY)), IamException.class, 403, "AccessDenied",
                    denied("enf-member", "iam:GetPolicy", "policy " + READ_ONLY,
                            "because no identity-based policy allows the iam:GetPolicy action"));
            root.createPolicyVersion(b -> b.policyArn(arn).policyDocument(allow("iam:GetPolicy")).setAsDefault(true));
            assertThat(member.getPolicy(b -> b.policyArn(READ_ONLY)).policy().policyName()).isEqualTo("ReadOnlyAccess");
        }
    }

    @Test
    void iamPolicyArnCondition_limitsWhichPoliciesAUserMayAttach() {
        String onlyReadOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:AttachUserPolicy\",\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":"
                + "{\"iam:PolicyARN\":\"" + READ_ONLY + "\"}}}]}";
        String arn = root.createPolicy(b -> b.policyName("enf-attach-ro").policyDocument(onlyReadOnly)).policy().arn();
        root.createUser(b -> b.userName("enf-delegate"));
        root.createUser(b -> b.userName("enf-target"));
        root.attachUserPolicy(b -> b.userName("enf-delegate").policyArn(arn));
        try (IamClient delegate = PolicyTestSupport.clientOf(server, "enf-delegate")) {
            delegate.attachUserPolicy(b -> b.userName("enf-target").policyArn(READ_ONLY));
            awsError(() -> delegate.attachUserPolicy(b -> b.userName("enf-target").policyArn(ADMIN)),
                    IamException.class, 403, "AccessDenied", denied("enf-delegate", "iam:AttachUserPolicy",
                            "user enf-target",
                            "because no identity-based policy allows the iam:AttachUserPolicy action"));
        }
    }

    @Test
    void readOnlyAccessAttached_allowsReadsOfPolicies_butNotCreatePolicy() {
        root.createUser(b -> b.userName("enf-reader"));
        root.attachUserPolicy(b -> b.userName("enf-reader").policyArn(READ_ONLY));
        try (IamClient reader = PolicyTestSupport.clientOf(server, "enf-reader")) {
            assertThat(reader.listAttachedUserPolicies(b -> b.userName("enf-reader")).attachedPolicies()).hasSize(1);
            awsError(() -> reader.createPolicy(b -> b.policyName("enf-nope").policyDocument(allow("s3:*"))),
                    IamException.class, 403, "AccessDenied", denied("enf-reader", "iam:CreatePolicy",
                            "policy arn:aws:iam::123456789012:policy/enf-nope",
                            "because no identity-based policy allows the iam:CreatePolicy action"));
        }
    }

    /** ABAC on policies: aws:ResourceTag/KEY comes from the policy's tags. */
    @Test
    void aResourceTagConditionOnPolicies_letsAUserReadOnlyItsTeamsPolicies() {
        String teamOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetPolicy\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:ResourceTag/team\":\"blue\"}}}]}";
        String rule = root.createPolicy(b -> b.policyName("enf-abac").policyDocument(teamOnly)).policy().arn();
        String blue = root.createPolicy(b -> b.policyName("enf-blue").policyDocument(allow("s3:*"))
                .tags(software.amazon.awssdk.services.iam.model.Tag.builder().key("team").value("blue").build()))
                .policy().arn();
        String red = root.createPolicy(b -> b.policyName("enf-red").policyDocument(allow("s3:*"))
                .tags(software.amazon.awssdk.services.iam.model.Tag.builder().key("team").value("red").build()))
                .policy().arn();
        root.createUser(b -> b.userName("enf-blue-member"));
        root.attachUserPolicy(b -> b.userName("enf-blue-member").policyArn(rule));
        try (IamClient member = PolicyTestSupport.clientOf(server, "enf-blue-member")) {
            assertThat(member.getPolicy(b -> b.policyArn(blue)).policy().policyName()).isEqualTo("enf-blue");
            awsError(() -> member.getPolicy(b -> b.policyArn(red)), IamException.class, 403, "AccessDenied",
                    denied("enf-blue-member", "iam:GetPolicy", "policy " + red,
                            "because no identity-based policy allows the iam:GetPolicy action"));
        }
    }
}
