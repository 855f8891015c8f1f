package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Every IAM and STS operation, both directions, against the SDK itself: what the SDK marshals decodes to the
 * request it started from, and what the encoder writes the SDK reads back member for member.
 */
class AllOperationsRoundTripTest {

    static Stream<Operation> operations() {
        return OperationRegistry.standard().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void decode_ofWhatTheSdkSends_isTheRequestTheSdkStartedFrom(Operation operation) throws Exception {
        AwsRequest request = (AwsRequest) new SampleModels().fill(operation.newRequestBuilder());
        Map<String, List<String>> params = SdkWire.marshall(operation, request);

        AwsRequest decoded = QueryDecoder.decode(operation, params);

        assertThat(decoded).isEqualTo(request);
        assertThat(params.get("Action")).containsExactly(operation.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void encode_isReadBackByTheSdk_memberForMember(Operation operation) throws Exception {
        AwsResponse response = (AwsResponse) new SampleModels().fill(operation.newResponseBuilder());

        byte[] xml = QueryProtocol.standard().encodeResponse(operation, response, "req-" + operation.name());
        AwsResponse parsed = SdkWire.unmarshall(operation, xml);

        // equals() of a response also compares SDK metadata; the members are what the encoder owes the SDK
        assertThat(parsed.equalsBySdkFields(response)).as("%s read back as %s", response, parsed).isTrue();
        assertThat(parsed.responseMetadata().requestId()).isEqualTo("req-" + operation.name());
    }
}
