package io.sigil.server.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * The AWS Query protocol for IAM and STS, as the HTTP handler uses it:
 *
 * <pre>{@code
 * QueryProtocol query = QueryProtocol.standard();
 * DecodedRequest in = query.decode(AwsService.IAM, FormParameters.parse(body));   // or ProtocolException
 * AwsResponse out = service.handle(in.operation(), in.request());
 * byte[] xml = query.encodeResponse(in.operation(), out, requestId);              // 200, text/xml
 * byte[] err = query.encodeError(AwsService.IAM, e.error(), requestId);           // e.error().httpStatus()
 * }</pre>
 *
 * <p>Decoding resolves {@code Action} (MissingAction, InvalidAction), decodes the members
 * ({@link QueryDecoder}) and checks the constraints ({@link RequestValidator}); the service code only sees
 * requests that passed. Thread-safe; build one and share it.
 */
public final class QueryProtocol {
    private final OperationRegistry registry;
    private final ConstraintTable constraints;
    private final RequestValidator validator;

    private QueryProtocol(OperationRegistry registry, ConstraintTable constraints) {
        this.registry = registry;
        this.constraints = constraints;
        this.validator = new RequestValidator(constraints);
    }

    /** The protocol over all IAM and STS operations and the shipped constraint table. */
    public static QueryProtocol standard() {
        return new QueryProtocol(OperationRegistry.standard(), ConstraintTable.load());
    }

    public OperationRegistry registry() {
        return registry;
    }

    /**
     * Decodes and validates the Query parameters of a request to {@code service}.
     *
     * @param params names and values percent-decoded (see {@link FormParameters#parse})
     * @throws ProtocolException MissingAction, InvalidAction, MalformedQueryString, InvalidParameterValue or
     *                           ValidationError, ready for {@link #encodeError}
     */
    public DecodedRequest decode(AwsService service, Map<String, List<String>> params) {
        Objects.requireNonNull(service, "service");
        String action = single(params, "Action");
        if (action == null || action.isEmpty()) {
            throw ProtocolException.missingAction();
        }
        String version = single(params, "Version");
        if (version != null && !version.equals(service.apiVersion())) {
            throw ProtocolException.invalidAction(action, version);
        }
        Operation operation = registry.find(service, action)
                .orElseThrow(() -> ProtocolException.invalidAction(action, service.apiVersion()));
        DecodedRequest decoded = new DecodedRequest(operation, QueryDecoder.decode(operation, params));
        validator.validate(operation, decoded.request());
        return decoded;
    }

    /** The XML document of a successful response. */
    public byte[] encodeResponse(Operation operation, AwsResponse response, String requestId) {
        return XmlResponseWriter.write(operation, response, requestId,
                constraints.hasResult(operation.service(), operation.name()));
    }

    /** The XML document of an error; send it with {@code error.httpStatus()}. */
    public byte[] encodeError(AwsService service, AwsError error, String requestId) {
        return ErrorResponseWriter.write(service, error, requestId);
    }

    /**
     * The status and fault that the model gives an error code of {@code service}, e.g. {@code NoSuchEntity}
     * → 404 Sender; empty for codes the model does not declare (the common errors such as AccessDenied).
     */
    public Optional<ModeledError> modeledError(AwsService service, String code) {
        return constraints.error(service, code);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProtocolException.malformedQueryString("The parameter " + name + " appears more than once.");
        }
        return values.get(0);
    }
}
