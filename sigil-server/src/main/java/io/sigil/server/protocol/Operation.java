package io.sigil.server.protocol;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One IAM or STS operation: its action name on the wire and the SDK model classes of its request and
 * response. Found by {@link OperationRegistry}, never written by hand.
 *
 * @param service      the service that has the operation
 * @param name         the action name as sent in {@code Action=} (e.g. {@code GetMFADevice}); it can differ
 *                     from the SDK class name ({@code GetMfaDeviceRequest})
 * @param requestType  the SDK request class
 * @param responseType the SDK response class
 */
public record Operation(AwsService service, String name, Class<? extends AwsRequest> requestType,
                        Class<? extends AwsResponse> responseType) {

    private static final ClassValue<Method> BUILDER_FACTORY = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("builder");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no static builder()", e);
            }
        }
    };

    public Operation {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(responseType, "responseType");
    }

    /** The IAM action as policies name it, e.g. {@code iam:CreateUser}. */
    public String iamAction() {
        return service.id() + ":" + name;
    }

    /** {@code <CreateUserResponse>}: the root element of a successful response. */
    public String responseElement() {
        return name + "Response";
    }

    /** {@code <CreateUserResult>}: the element that wraps the response members. */
    public String resultElement() {
        return name + "Result";
    }

    /** A fresh, empty builder of the request; it is an {@link SdkPojo} whose fields can be set. */
    public SdkPojo newRequestBuilder() {
        return newBuilder(requestType);
    }

    /** A fresh, empty builder of the response. */
    public SdkPojo newResponseBuilder() {
        return newBuilder(responseType);
    }

    private static SdkPojo newBuilder(Class<?> type) {
        try {
            return (SdkPojo) BUILDER_FACTORY.get(type).invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create a builder of " + type.getName(), e);
        }
    }
}
