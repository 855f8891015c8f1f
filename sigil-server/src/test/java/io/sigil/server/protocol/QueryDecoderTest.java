package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

class QueryDecoderTest {
    private static final OperationRegistry REGISTRY = OperationRegistry.standard();

    @Test
    void createUser_withTagsMemberN_decodesTagsInIndexOrder() {
        var request = decode(AwsService.IAM, "CreateUser", "Action=CreateUser", "Version=2010-05-08",
                "UserName=alice", "Path=/eng/", "Tags.member.2.Key=team", "Tags.member.2.Value=iam",
                "Tags.member.1.Key=cost-center", "Tags.member.1.Value=42");

        assertThat(request).isEqualTo(CreateUserRequest.builder().userName("alice").path("/eng/")
                .tags(Tag.builder().key("cost-center").value("42").build(),
                        Tag.builder().key("team").value("iam").build())
                .build());
    }

    @Test
    void putUserPolicy_keepsThePolicyDocumentTextExactly() {
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}\n";
        var request = decode(AwsService.IAM, "PutUserPolicy", Map.of("Action", List.of("PutUserPolicy"),
                "UserName", List.of("bob"), "PolicyName", List.of("s3"), "PolicyDocument", List.of(document)));

        assertThat(request).isEqualTo(PutUserPolicyRequest.builder().userName("bob").policyName("s3")
                .policyDocument(document).build());
    }

    @Test
    void simulateCustomPolicy_decodesStringListsAndListsOfStructuresWithNestedLists() {
        var request = decode(AwsService.IAM, "SimulateCustomPolicy", "Action=SimulateCustomPolicy",
                "PolicyInputList.member.1={}", "ActionNames.member.1=s3:GetObject",
                "ActionNames.member.2=s3:PutObject", "ResourceArns.member.1=arn:aws:s3:::b/k",
                "ContextEntries.member.1.ContextKeyName=aws:username",
                "ContextEntries.member.1.ContextKeyType=string",
                "ContextEntries.member.1.ContextKeyValues.member.1=alice",
                "ContextEntries.member.1.ContextKeyValues.member.2=bob", "MaxItems=5");

        assertThat(request).isEqualTo(SimulateCustomPolicyRequest.builder().policyInputList("{}")
                .actionNames("s3:GetObject", "s3:PutObject").resourceArns("arn:aws:s3:::b/k")
                .contextEntries(ContextEntry.builder().contextKeyName("aws:username")
                        .contextKeyType(ContextKeyTypeEnum.STRING).contextKeyValues("alice", "bob").build())
                .maxItems(5).build());
    }

    @Test
    void listUsers_decodesMarkerAndIntegerMaxItems() {
        var request = decode(AwsService.IAM, "ListUsers", "Action=ListUsers", "Marker=page-2", "MaxItems=100");

        assertThat(request).isEqualTo(ListUsersRequest.builder().marker("page-2").maxItems(100).build());
    }

    @Test
    void assumeRole_decodesPolicyArnsByTheirLowerCaseWireName() {
        var request = decode(AwsService.STS, "AssumeRole", "Action=AssumeRole", "RoleArn=arn:aws:iam::1:role/r",
                "RoleSessionName=s", "PolicyArns.member.1.arn=arn:aws:iam::aws:policy/ReadOnlyAccess",
                "DurationSeconds=900", "TransitiveTagKeys.member.1=team");

        assertThat(request).isEqualTo(AssumeRoleRequest.builder().roleArn("arn:aws:iam::1:role/r")
                .roleSessionName("s").durationSeconds(900).transitiveTagKeys("team")
                .policyArns(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build())
                .build());
    }

    @Test
    void unknownParameters_areIgnored_asAwsQueryServicesDo() {
        var request = decode(AwsService.IAM, "ListUsers", "Action=ListUsers", "Unknown=1",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256", "MaxItems.member.1=9", "Marker.Extra=x");

        assertThat(request).isEqualTo(ListUsersRequest.builder().build());
    }

    @Test
    void emptyValue_isAnEmptyString_andEmptyListMarker_isAnEmptyList() {
        var request = (CreateUserRequest) decode(AwsService.IAM, "CreateUser", "UserName=", "Tags=");

        assertThat(request.userName()).isEmpty();
        assertThat(request.hasTags()).isTrue();
        assertThat(request.tags()).isEmpty();
    }

    @Test
    void booleans_acceptTrueAndFalseInAnyCase() {
        var request = decode(AwsService.IAM, "UpdateAccessKey", "AccessKeyId=AKIA", "Status=Inactive");
        assertThat(request).isEqualTo(UpdateAccessKeyRequest.builder().accessKeyId("AKIA").status("Inactive").build());

        var version = decode(AwsService.IAM, "CreatePolicyVersion", "SetAsDefault=TRUE");
        assertThat(version).hasFieldOrPropertyWithValue("setAsDefault", true);
    }

    @Test
    void nonIntegerMaxItems_isInvalidParameterValue() {
        assertError(() -> decode(AwsService.IAM, "ListUsers", "MaxItems=ten"), "InvalidParameterValue", 400,
                "Invalid value 'ten' for parameter MaxItems: expected an integer.");
        assertError(() -> decode(AwsService.IAM, "ListUsers", "MaxItems=2147483648"), "InvalidParameterValue",
                400, "Invalid value '2147483648' for parameter MaxItems: expected an integer.");
    }

    @Test
    void badBoolean_isInvalidParameterValue() {
        assertError(() -> decode(AwsService.IAM, "CreatePolicyVersion", "SetAsDefault=yes"),
                "InvalidParameterValue", 400, "Invalid value 'yes' for parameter SetAsDefault: expected true or false.");
    }

    @Test
    void memberIndexZero_isMalformedQueryString() {
        assertError(() -> decode(AwsService.IAM, "CreateUser", "UserName=a", "Tags.member.0.Key=k"),
                "MalformedQueryString", 404,
                "The parameter Tags.member.0 is not a valid list index: indexes start at 1 and have no gaps.");
    }

    @Test
    void memberIndexGap_isMalformedQueryString() {
        assertError(() -> decode(AwsService.IAM, "SimulateCustomPolicy", "ActionNames.member.1=a",
                "ActionNames.member.3=c"), "MalformedQueryString", 404,
                "The parameter ActionNames.member.3 is not a valid list index: indexes start at 1 and have no gaps.");
    }

    @Test
    void memberIndexThatIsNotANumber_orHasLeadingZeros_isMalformedQueryString() {
        assertError(() -> decode(AwsService.IAM, "SimulateCustomPolicy", "ActionNames.member.one=a"),
                "MalformedQueryString", 404,
                "The parameter ActionNames.member.one is not a valid list index: indexes start at 1 and have no gaps.");
        assertError(() -> decode(AwsService.IAM, "SimulateCustomPolicy", "ActionNames.member.01=a"),
                "MalformedQueryString", 404,
                "The parameter ActionNames.member.01 is not a valid list index: indexes start at 1 and have no gaps.");
    }

    @Test
    void knownParameterGivenTwice_isMalformedQueryString() {
        Map<String, List<String>> params = Map.of("UserName", List.of("a", "b"));
        assertError(() -> decode(AwsService.IAM, "GetUser", params), "MalformedQueryString", 404,
                "The parameter UserName appears more than once.");
    }

    @Test
    void listElementWithoutValue_isMalformedQueryString() {
        assertError(() -> decode(AwsService.IAM, "SimulateCustomPolicy", "ActionNames.member.1.x=a"),
                "MalformedQueryString", 404, "The parameter ActionNames.member.1 has no value.");
    }

    static Object decode(AwsService service, String action, String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            params.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>())
                    .add(pair.substring(eq + 1));
        }
        return decode(service, action, params);
    }

    static Object decode(AwsService service, String action, Map<String, List<String>> params) {
        return QueryDecoder.decode(REGISTRY.find(service, action).orElseThrow(), params);
    }

    static void assertError(Runnable call, String code, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().httpStatus()).isEqualTo(status);
            assertThat(e.error().fault()).isEqualTo(Fault.SENDER);
            assertThat(e.error().message()).isEqualTo(message);
        });
    }
}
