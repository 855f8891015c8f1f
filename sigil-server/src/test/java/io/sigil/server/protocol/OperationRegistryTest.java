package io.sigil.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.GetMfaDeviceRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;

class OperationRegistryTest {
    private final OperationRegistry registry = OperationRegistry.standard();

    @Test
    void iamOperations_areExactlyThe180OperationsOfTodaysIamApi() throws IOException {
        assertThat(names(AwsService.IAM)).containsExactlyInAnyOrderElementsOf(listed("iam-operations.txt"))
                .hasSize(180);
    }

    @Test
    void stsOperations_areExactlyThe11OperationsOfTodaysStsApi() throws IOException {
        assertThat(names(AwsService.STS)).containsExactlyInAnyOrderElementsOf(listed("sts-operations.txt"))
                .hasSize(11);
    }

    @Test
    void actionNames_areTheWireNames_notTheSdkClassNames() {
        assertThat(registry.find(AwsService.IAM, "GetMFADevice")).map(Operation::requestType)
                .contains(GetMfaDeviceRequest.class);
        assertThat(registry.find(AwsService.STS, "AssumeRoleWithSAML")).map(Operation::requestType)
                .contains(AssumeRoleWithSamlRequest.class);
        assertThat(registry.find(AwsService.IAM, "GetMfaDevice")).isEmpty();
    }

    @Test
    void operation_knowsItsRequestResponseAndElementNames() {
        Operation createUser = registry.find(AwsService.IAM, "CreateUser").orElseThrow();

        assertThat(createUser.requestType()).isEqualTo(CreateUserRequest.class);
        assertThat(createUser.responseType()).isEqualTo(CreateUserResponse.class);
        assertThat(createUser.iamAction()).isEqualTo("iam:CreateUser");
        assertThat(createUser.responseElement()).isEqualTo("CreateUserResponse");
        assertThat(createUser.resultElement()).isEqualTo("CreateUserResult");
        assertThat(createUser.newRequestBuilder()).isInstanceOf(CreateUserRequest.Builder.class);
        assertThat(registry.forRequest(CreateUserRequest.class)).contains(createUser);
    }

    @Test
    void operationsOfAService_belongToThatServiceOnly() {
        assertThat(registry.operations(AwsService.STS)).allMatch(op -> op.service() == AwsService.STS);
        assertThat(registry.find(AwsService.STS, "CreateUser")).isEmpty();
        assertThat(registry.all()).hasSize(191);
    }

    private List<String> names(AwsService service) {
        return registry.operations(service).stream().map(Operation::name).toList();
    }

    /** The operation lists of shared/api, copied into the test resources. */
    private static List<String> listed(String file) throws IOException {
        try (InputStream in = OperationRegistryTest.class.getResourceAsStream(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\\s+")).filter(s -> !s.isEmpty()).toList();
        }
    }
}
