package io.sigil.server.protocol;

import static io.sigil.server.protocol.QueryDecoderTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;

class QueryProtocolTest {
    private static final QueryProtocol PROTOCOL = QueryProtocol.standard();

    @Test
    void decode_resolvesTheActionOfTheService_andValidates() {
        DecodedRequest decoded = PROTOCOL.decode(AwsService.IAM,
                FormParameters.parse("Action=CreateUser&Version=2010-05-08&UserName=alice&Path=%2Feng%2F"));

        assertThat(decoded.operation().iamAction()).isEqualTo("iam:CreateUser");
        assertThat(decoded.request(CreateUserRequest.class).path()).isEqualTo("/eng/");
    }

    @Test
    void missingAction_isMissingAction() {
        assertError(() -> PROTOCOL.decode(AwsService.IAM, FormParameters.parse("Version=2010-05-08")),
                "MissingAction", 400, "Missing Action");
    }

    @Test
    void unknownAction_isInvalidAction_namingTheVersion() {
        assertError(() -> PROTOCOL.decode(AwsService.IAM, Map.of("Action", List.of("CreateBucket"))),
                "InvalidAction", 400, "Could not find operation CreateBucket for version 2010-05-08");
        assertError(() -> PROTOCOL.decode(AwsService.STS, Map.of("Action", List.of("CreateUser"))),
                "InvalidAction", 400, "Could not find operation CreateUser for version 2011-06-15");
    }

    @Test
    void actionOfAnotherVersion_isInvalidAction() {
        assertError(() -> PROTOCOL.decode(AwsService.IAM,
                        FormParameters.parse("Action=ListUsers&Version=2011-06-15")),
                "InvalidAction", 400, "Could not find operation ListUsers for version 2011-06-15");
    }

    @Test
    void constraintViolations_stopTheRequestBeforeTheService() {
        assertError(() -> PROTOCOL.decode(AwsService.IAM, FormParameters.parse("Action=DeleteUser")),
                "ValidationError", 400, "1 validation error detected: Value at 'userName' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void formParameters_arePercentDecoded_plusIsASpace_andRepeatsAreKept() {
        Map<String, List<String>> params = FormParameters.parse("A=1%2B1+%3D+2&B=&C&A=again&=x&&D=%E2%98%83");

        assertThat(params).containsEntry("A", List.of("1+1 = 2", "again")).containsEntry("B", List.of(""))
                .containsEntry("C", List.of("")).containsEntry("D", List.of("☃")).containsEntry("", List.of("x"));
    }

    @Test
    void brokenPercentEscape_isMalformedQueryString() {
        assertError(() -> FormParameters.parse("Action=List%2"), "MalformedQueryString", 404,
                "The query string contains a malformed escape: List%2");
    }

    @Test
    void modeledError_givesTheStatusAndFaultOfACode() {
        assertThat(PROTOCOL.modeledError(AwsService.IAM, "LimitExceeded")).map(ModeledError::httpStatus).contains(409);
        assertThat(PROTOCOL.modeledError(AwsService.IAM, "AccessDenied")).isEmpty();
    }
}
