package io.sigil.server.protocol;

import java.util.Objects;
import software.amazon.awssdk.awscore.AwsRequest;

/**
 * A Query request decoded and validated: the operation it names and its typed SDK request.
 *
 * @param operation the operation ({@code iam:CreateUser})
 * @param request   an instance of {@code operation.requestType()}
 */
public record DecodedRequest(Operation operation, AwsRequest request) {
    public DecodedRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        if (!operation.requestType().isInstance(request)) {
            throw new IllegalArgumentException(request.getClass() + " is not a request of " + operation.name());
        }
    }

    /** The request as its own type, e.g. {@code decoded.request(CreateUserRequest.class)}. */
    public <T extends AwsRequest> T request(Class<T> type) {
        return type.cast(request);
    }
}
