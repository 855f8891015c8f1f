package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class RequestValidatorTest {
    private static final OperationRegistry REGISTRY = OperationRegistry.standard();
    private static final RequestValidator VALIDATOR = RequestValidator.standard();
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";

    @ParameterizedTest(name = "userName of {0} characters is valid: {1}")
    @CsvSource({"63, true", "64, true", "65, false"})
    void userName_longerThan64_failsTheMaximumLength(int length, boolean valid) {
        String name = "u".repeat(length);
        List<String> violations = violations("CreateUser", CreateUserRequest.builder().userName(name).build());

        assertThat(violations).isEqualTo(valid ? List.of() : List.of("Value at 'userName' failed to satisfy "
                + "constraint: Member must have length less than or equal to 64"));
    }

    @Test
    void emptyUserName_failsTheMinimumLengthAndThePattern_inThatOrder() {
        assertThatThrownBy(() -> validate("CreateUser", CreateUserRequest.builder().userName("").build()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.error().message()).isEqualTo(
                        "2 validation errors detected: Value at 'userName' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1; Value at 'userName' failed "
                                + "to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"));
    }

    @ParameterizedTest(name = "userName {0} is valid: {1}")
    @CsvSource(delimiter = '|', value = {"a+b=c,d.e@f-g_h9|true", "a b|false", "a/b|false", "ü|false"})
    void userName_mustMatchThePatternEntirely(String name, boolean valid) {
        List<String> violations = violations("CreateUser", CreateUserRequest.builder().userName(name).build());

        assertThat(violations).isEqualTo(valid ? List.of() : List.of("Value at 'userName' failed to "
                + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"));
    }

    @ParameterizedTest(name = "MaxItems {0} is valid: {1}")
    @CsvSource({"0, false", "1, true", "2, true", "999, true", "1000, true", "1001, false"})
    void maxItems_isBetween1And1000(int maxItems, boolean valid) {
        List<String> violations = violations("ListUsers", ListUsersRequest.builder().maxItems(maxItems).build());

        String bound = maxItems < 1 ? "greater than or equal to 1" : "less than or equal to 1000";
        assertThat(violations).isEqualTo(valid ? List.of() : List.of(
                "Value at 'maxItems' failed to satisfy constraint: Member must have value " + bound));
    }

    @ParameterizedTest(name = "DurationSeconds {0} is valid: {1}")
    @CsvSource({"899, false", "900, true", "901, true", "43199, true", "43200, true", "43201, false"})
    void stsDurationSeconds_isBetween900And43200(int seconds, boolean valid) {
        AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(ROLE).roleSessionName("s1")
                .durationSeconds(seconds).build();
        List<String> violations = VALIDATOR.violations(sts("AssumeRole"), request);

        String bound = seconds < 900 ? "greater than or equal to 900" : "less than or equal to 43200";
        assertThat(violations).isEqualTo(valid ? List.of() : List.of("Value '" + seconds
                + "' at 'durationSeconds' failed to satisfy constraint: Member must have value " + bound));
    }

    @Test
    void missingRequiredIamMember_isNamedWithoutAValue() {
        assertThatThrownBy(() -> validate("DeleteUser", DeleteUserRequest.builder().build()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("ValidationError");
                    assertThat(e.error().httpStatus()).isEqualTo(400);
                    assertThat(e.error().fault()).isEqualTo(Fault.SENDER);
                    assertThat(e.error().message()).isEqualTo("1 validation error detected: Value at "
                            + "'userName' failed to satisfy constraint: Member must not be null");
                });
    }

    @Test
    void severalViolations_areCountedAndJoinedBySemicolons_inAwsOrderOfTheMembers() {
        List<String> violations = violations("AttachUserPolicy", AttachUserPolicyRequest.builder().build());

        // the model has UserName before PolicyArn; a HashMap of the two names iterates policyArn first
        assertThat(violations).containsExactly(
                "Value at 'policyArn' failed to satisfy constraint: Member must not be null",
                "Value at 'userName' failed to satisfy constraint: Member must not be null");
        assertThat(ProtocolException.validationError(violations).getMessage()).startsWith(
                "2 validation errors detected: Value at 'policyArn' failed to satisfy constraint: Member must "
                        + "not be null; Value at 'userName'");
    }

    @Test
    void missingRequiredList_isAViolation_andAnEmptyOneIsPresent() {
        List<String> missing = violations("SimulateCustomPolicy", SimulateCustomPolicyRequest.builder().build());
        List<String> empty = violations("SimulateCustomPolicy", SimulateCustomPolicyRequest.builder()
                .policyInputList(List.of()).actionNames(List.of()).build());

        assertThat(missing).containsExactly(
                "Value at 'policyInputList' failed to satisfy constraint: Member must not be null",
                "Value at 'actionNames' failed to satisfy constraint: Member must not be null");
        assertThat(empty).isEmpty();
    }

    @Test
    void sensitiveMember_isNotQuotedInTheMessage() {
        List<String> violations = violations("CreateLoginProfile",
                CreateLoginProfileRequest.builder().userName("u").password("").build());

        assertThat(violations).containsExactly(
                "Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 1",
                "Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                        + "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    }

    @ParameterizedTest(name = "{0} tags are valid: {1}")
    @CsvSource({"49, true", "50, true", "51, false"})
    void tags_areAtMost50(int count, boolean valid) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(Tag.builder().key("k" + i).value("v").build());
        }
        List<String> violations = violations("CreateUser", CreateUserRequest.builder().userName("u").tags(tags).build());

        assertThat(violations).isEqualTo(valid ? List.of() : List.of(
                "Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"));
    }

    @Test
    void listElementMembers_areNamedByIndexAndMember() {
        List<String> violations = violations("CreateUser", CreateUserRequest.builder().userName("u")
                .tags(Tag.builder().key("ok").value("fine").build(), Tag.builder().key("bad#key").build()).build());

        assertThat(violations).containsExactly(
                "Value at 'tags.2.member.key' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
                "Value at 'tags.2.member.value' failed to satisfy constraint: Member must not be null");
    }

    /** AWS's words for it, quoted in cloud-custodian/cloud-custodian#4769, without the value as IAM answers today. */
    @Test
    void aStringListWithABadElement_isNamedAsAWhole_withEveryMemberConstraint() {
        List<String> violations = violations("SimulateCustomPolicy", SimulateCustomPolicyRequest.builder()
                .policyInputList("{}").actionNames("s3:GetObject", "s3").build());

        assertThat(violations).containsExactly("Value at 'actionNames' failed to satisfy "
                + "constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, "
                + "Member must have length greater than or equal to 3]");
        assertThat(violations("SimulateCustomPolicy", SimulateCustomPolicyRequest.builder().policyInputList("{}")
                .actionNames("s3:GetObject", "iam:GetUser").build())).isEmpty();
    }

    @Test
    void enumMember_mustBeOneOfTheModelsValues() {
        List<String> violations = violations("UpdateAccessKey",
                UpdateAccessKeyRequest.builder().accessKeyId("AKIAIOSFODNN7EXAMPLE").status("Disabled").build());

        assertThat(violations).containsExactly("Value at 'status' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [Active, Inactive, Expired]");
    }

    @ParameterizedTest(name = "a tag value of {0} supplementary letters is valid: {1}")
    @CsvSource({"255, true", "256, true", "257, false"})
    void lengthCountsCodePoints_notUtf16Units(int letters, boolean valid) {
        String value = "\uD801\uDC00".repeat(letters); // U+10400, a letter outside the BMP: 2 UTF-16 units
        List<String> violations = violations("CreateUser", CreateUserRequest.builder().userName("u")
                .tags(Tag.builder().key("k").value(value).build()).build());

        assertThat(violations).isEqualTo(valid ? List.of() : List.of("Value at 'tags.1.member.value' "
                + "failed to satisfy constraint: Member must have length less than or equal to 256"));
    }

    /** The two answers with several members' violations in LocalStack's AWS-validated snapshots (2026), verbatim. */
    @Test
    void severalMembersViolations_comeInAwsOrder_neitherTheModelsNorTheAlphabets() {
        assertThatThrownBy(() -> validate("UpdateAccountPasswordPolicy",
                software.amazon.awssdk.services.iam.model.UpdateAccountPasswordPolicyRequest.builder()
                        .maxPasswordAge(1096).minimumPasswordLength(129).passwordReusePrevention(25).build()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.error().message()).isEqualTo(
                        "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: "
                                + "Member must have value less than or equal to 128; Value at "
                                + "'passwordReusePrevention' failed to satisfy constraint: Member must have value less "
                                + "than or equal to 24; Value at 'maxPasswordAge' failed to satisfy constraint: Member "
                                + "must have value less than or equal to 1095"));
        assertThatThrownBy(() -> validate("CreateOpenIDConnectProvider",
                software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest.builder()
                        .url("b".repeat(256)).thumbprintList("b".repeat(41)).clientIDList("b".repeat(256)).build()))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.error().message()).isEqualTo(
                        "3 validation errors detected: Value at 'clientIDList' failed to satisfy constraint: Member "
                                + "must satisfy constraint: [Member must have length less than or equal to 255, Member "
                                + "must have length greater than or equal to 1]; Value at 'thumbprintList' failed to "
                                + "satisfy constraint: Member must satisfy constraint: [Member must have length less "
                                + "than or equal to 40, Member must have length greater than or equal to 40]; Value at "
                                + "'url' failed to satisfy constraint: Member must have length less than or equal to "
                                + "255"));
    }

    /**
     * STS quotes the offending value and names a missing member "Value null", as its answers quoted in clients'
     * issues show; IAM names neither (LocalStack's AWS-validated snapshots, 2026).
     */
    @Test
    void stsQuotesTheValueAndNull_whereIamNamesNeither() {
        List<String> sts = VALIDATOR.violations(sts("AssumeRole"), AssumeRoleRequest.builder()
                .roleSessionName("bad name").build());

        assertThat(sts).containsExactly(
                "Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
                "Value 'bad name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [\\w+=,.@-]*");
        assertThat(RequestValidator.quotesValues(sts("AssumeRole"))).isTrue();
        assertThat(RequestValidator.quotesValues(REGISTRY.find(AwsService.IAM, "CreateUser").orElseThrow()))
                .isFalse();
    }

    /**
     * CreateVirtualMFADevice's answers in LocalStack's AWS-validated snapshots (2026): a Path of the wrong form gets
     * IAM's own text, a Path too long the generic one; the other operations whose Path has that type follow it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"CreateVirtualMFADevice", "CreateUser", "CreateRole", "CreateGroup", "CreateInstanceProfile"})
    void aPathOfTheWrongForm_getsIamsOwnText_butAPathTooLongTheGenericOne(String action) {
        String own = "The specified value for path is invalid. It must begin and end with / and contain only "
                + "alphanumeric characters and/or / characters.";
        for (String path : List.of("invalid-path/", "/invalid-path", "/a b/")) {
            assertThatThrownBy(() -> validate(action, withPath(action, path)))
                    .isInstanceOfSatisfying(ProtocolException.class,
                            e -> assertThat(e.error().message()).isEqualTo(own));
        }
        assertThatThrownBy(() -> validate(action, withPath(action, "/" + "a".repeat(512) + "/")))
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.error().message()).isEqualTo(
                        "1 validation error detected: Value at 'path' failed to satisfy constraint: Member must have "
                                + "length less than or equal to 512"));
        assertThat(violations(action, withPath(action, "/division/team/"))).isEmpty();
    }

    /** A valid request of {@code action} with this Path. */
    private static SdkPojo withPath(String action, String path) {
        return switch (action) {
            case "CreateVirtualMFADevice" -> software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest
                    .builder().virtualMFADeviceName("m").path(path).build();
            case "CreateUser" -> CreateUserRequest.builder().userName("u").path(path).build();
            case "CreateRole" -> software.amazon.awssdk.services.iam.model.CreateRoleRequest.builder().roleName("r")
                    .assumeRolePolicyDocument("{}").path(path).build();
            case "CreateGroup" -> software.amazon.awssdk.services.iam.model.CreateGroupRequest.builder().groupName("g")
                    .path(path).build();
            default -> software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest.builder()
                    .instanceProfileName("p").path(path).build();
        };
    }

    private static List<String> violations(String action, SdkPojo request) {
        return VALIDATOR.violations(REGISTRY.find(AwsService.IAM, action).orElseThrow(), request);
    }

    private static void validate(String action, SdkPojo request) {
        VALIDATOR.validate(REGISTRY.find(AwsService.IAM, action).orElseThrow(), request);
    }

    private static Operation sts(String action) {
        return REGISTRY.find(AwsService.STS, action).orElseThrow();
    }
}
