package io.sigil.server.api.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.GetHumanReadableSummaryResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * GetAccountProperties and PutAccountProperties, and the role manager and summary operations that rest on AWS-side
 * features (GetRoleTemplateVersion, AcquireRole, GetHumanReadableSummary), through the AWS SDK (IAM API Reference;
 * IAM User Guide, "Manage access to role manager").
 */
class AccountPropertiesAndRoleManagerSdkTest {

    @Test
    void getAccountProperties_answersRoleManagerEnabledFalseByDefault_andPutAccountPropertiesChangesIt() {
        AccountFixture a = AccountFixture.create();
        try (IamClient iam = a.iam()) {
            assertThat(iam.getAccountProperties(r -> { }).properties()).containsExactly(
                    Map.entry("RoleManager/Enabled", "false"));
            iam.putAccountProperties(r -> r.properties(Map.of("RoleManager/Enabled", "true")));
            assertThat(iam.getAccountProperties(r -> { }).properties()).containsEntry("RoleManager/Enabled", "true");
        }
        try (IamClient other = AccountFixture.create().iam()) {
            assertThat(other.getAccountProperties(r -> { }).properties())
                    .as("a property is the account's own").containsEntry("RoleManager/Enabled", "false");
        }
    }

    @Test
    void putAccountProperties_refusesMalformedKeys_unknownProperties_mixedNamespaces_andWronglyTypedValues() {
        AccountFixture a = AccountFixture.create();
        try (IamClient iam = a.iam()) {
            for (Map<String, String> bad : new Map[] {Map.of("RoleManager/Enabled", "yes"),
                    Map.of("RoleManager/Nothing", "true"), Map.of("RoleManagerEnabled", "true"),
                    Map.of("RoleManager/Enabled", "true", "Other/Thing", "x")}) {
                assertThatThrownBy(() -> iam.putAccountProperties(r -> r.properties(bad)))
                        .as(bad.toString()).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
                        });
            }
            assertThat(iam.getAccountProperties(r -> { }).properties()).containsEntry("RoleManager/Enabled", "false");
        }
    }

    @Test
    void putAccountProperties_isAuthorisedWithTheRequestsNamespacesAsIamAccountPropertyNamespaces() {
        AccountFixture a = AccountFixture.create();
        String onlyOtherNamespace = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"iam:PutAccountProperties\",\"iam:GetAccountProperties\"],\"Resource\":\"*\","
                + "\"Condition\":{\"ForAllValues:StringEquals\":{\"iam:AccountPropertyNamespaces\":\"Other\"}}}]}";
        AccessKey key;
        try (IamClient iam = a.iam()) {
            iam.createUser(r -> r.userName("props-user"));
            iam.putUserPolicy(r -> r.userName("props-user").policyName("p").policyDocument(onlyOtherNamespace));
            key = iam.createAccessKey(r -> r.userName("props-user")).accessKey();
        }
        try (IamClient user = AccountFixture.server().iam(key.accessKeyId(), key.secretAccessKey())) {
            assertThatThrownBy(() -> user.putAccountProperties(r -> r.properties(Map.of("RoleManager/Enabled",
                    "true")))).isInstanceOfSatisfying(IamException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorMessage())
                                .contains("is not authorized to perform: iam:PutAccountProperties");
                    });
            assertThatThrownBy(() -> user.putAccountProperties(r -> r.properties(Map.of("Other/Thing", "x"))))
                    .as("the Other namespace passes authorisation, then is refused as an unknown property")
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void roleTemplates_areAwsCataloguedSoEveryTemplateArnIsNoSuchEntity_forGetRoleTemplateVersionAndAcquireRole() {
        String arn = "arn:aws:iam::aws:role-template/LambdaBasicExecution";
        try (IamClient iam = AccountFixture.create().iam()) {
            assertThatThrownBy(() -> iam.getRoleTemplateVersion(r -> r.templateArn(arn)))
                    .isInstanceOfSatisfying(NoSuchEntityException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role template with ARN " + arn
                                + " cannot be found.");
                    });
            assertThatThrownBy(() -> iam.acquireRole(r -> r.templateArn(arn).templateMinorVersion(1)))
                    .isInstanceOf(NoSuchEntityException.class);
        }
    }

    /** The members the API Reference marks "Required: Yes" (constraints-supplement.tsv), as AWS words a null one. */
    @Test
    void aMissingTemplateArnOrProperties_isAValidationError_beforeAnyLookup() {
        try (IamClient iam = AccountFixture.create().iam()) {
            for (Runnable call : List.<Runnable>of(() -> iam.getRoleTemplateVersion(r -> { }),
                    () -> iam.acquireRole(r -> r.templateMinorVersion(1)))) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at "
                            + "'templateArn' failed to satisfy constraint: Member must not be null");
                });
            }
            assertThatThrownBy(() -> iam.putAccountProperties(r -> { })).isInstanceOfSatisfying(IamException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: "
                            + "Value at 'properties' failed to satisfy constraint: Member must not be null"));
        }
    }

    @Test
    void getHumanReadableSummary_ofAVisibleDelegationRequest_isNotAvailable_inTheLocaleAsked() {
        AccountFixture partner = AccountFixture.create();
        String id;
        try (IamClient iam = partner.iam()) {
            String tpl = iam.createPolicy(r -> r.policyName("summary-tpl").policyDocument(StsServer.policy("Allow",
                    "\"iam:ListUsers\"", "*"))).policy().arn();
            id = iam.createDelegationRequest(r -> r.description("d").permissions(p -> p.policyTemplateArn(tpl))
                    .requestorWorkflowId("wf-summary").notificationChannel("arn:aws:sns:us-east-1:1:t")
                    .sessionDuration(900)).delegationRequestId();
        }
        String arn = "arn:aws:iam::" + partner.accountId() + ":delegation-request/" + id;
        try (IamClient anyone = AccountFixture.create().iam()) {
            GetHumanReadableSummaryResponse fr = anyone.getHumanReadableSummary(r -> r.entityArn(arn).locale("fr"));
            assertThat(fr.summaryStateAsString()).isEqualTo("NOT_AVAILABLE");
            assertThat(fr.summaryContent()).isNull();
            assertThat(fr.locale()).isEqualTo("fr");
            assertThat(anyone.getHumanReadableSummary(r -> r.entityArn(arn)).locale()).isEqualTo("en");
            assertThatThrownBy(() -> anyone.getHumanReadableSummary(r -> r.entityArn(
                    "arn:aws:iam::" + partner.accountId() + ":delegation-request/dr-does-not-exist")))
                    .isInstanceOf(NoSuchEntityException.class);
            assertThatThrownBy(() -> anyone.getHumanReadableSummary(r -> r.entityArn(
                    "arn:aws:iam::" + partner.accountId() + ":user/somebody")))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
