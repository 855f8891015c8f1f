package io.sigil.server.protocol;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.ClientEndpointProvider;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.runtime.transform.Marshaller;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.protocols.query.AwsQueryProtocolFactory;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Every IAM and STS operation, found in the AWS SDK for Java v2 model rather than listed by hand.
 *
 * <p>The operations are the methods of {@code IamClient} and {@code StsClient} that take one
 * {@code XxxRequest} and return an {@code XxxResponse}. The action name is not derived from the class name
 * (the SDK renames {@code GetMFADevice} to {@code GetMfaDeviceRequest}): it is read from what the SDK's own
 * {@code transform.XxxRequestMarshaller} writes as {@code Action=} for an empty request, so it is exactly the
 * name the SDK sends on the wire.
 */
public final class OperationRegistry {
    private static final OperationRegistry STANDARD = scan();

    private final Map<AwsService, Map<String, Operation>> byService;
    private final Map<Class<?>, Operation> byRequestType;

    private OperationRegistry(Map<AwsService, Map<String, Operation>> byService) {
        this.byService = byService;
        Map<Class<?>, Operation> byType = new HashMap<>();
        byService.values().forEach(ops -> ops.values().forEach(op -> byType.put(op.requestType(), op)));
        this.byRequestType = Map.copyOf(byType);
    }

    /** The registry of all IAM and STS operations of the SDK on the class path (built once). */
    public static OperationRegistry standard() {
        return STANDARD;
    }

    /** The operation {@code action} of {@code service}, if the service has it (names are case-sensitive). */
    public Optional<Operation> find(AwsService service, String action) {
        return Optional.ofNullable(byService.get(service).get(action));
    }

    /** The operation whose request class is {@code requestType}. */
    public Optional<Operation> forRequest(Class<?> requestType) {
        return Optional.ofNullable(byRequestType.get(requestType));
    }

    /** The operations of {@code service}, sorted by name. */
    public List<Operation> operations(AwsService service) {
        return List.copyOf(byService.get(service).values());
    }

    /** All operations of all services. */
    public List<Operation> all() {
        List<Operation> all = new ArrayList<>();
        byService.values().forEach(ops -> all.addAll(ops.values()));
        return Collections.unmodifiableList(all);
    }

    private static OperationRegistry scan() {
        Map<AwsService, Map<String, Operation>> byService = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            byService.put(service, scan(service));
        }
        return new OperationRegistry(byService);
    }

    private static Map<String, Operation> scan(AwsService service) {
        Class<?> client = load(service.clientInterface());
        AwsQueryProtocolFactory protocol = protocolFactory();
        List<Operation> found = new ArrayList<>();
        for (Method method : client.getMethods()) {
            Optional<Operation> op = operationOf(service, client, method, protocol);
            op.filter(o -> found.stream().noneMatch(f -> f.requestType() == o.requestType()))
                    .ifPresent(found::add);
        }
        found.sort(Comparator.comparing(Operation::name));
        Map<String, Operation> byName = new LinkedHashMap<>();
        for (Operation op : found) {
            if (byName.put(op.name(), op) != null) {
                throw new IllegalStateException("two request classes for " + service + " " + op.name());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Operation> operationOf(AwsService service, Class<?> client, Method method,
                                                   AwsQueryProtocolFactory protocol) {
        if (method.getParameterCount() != 1 || !AwsRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                || !AwsResponse.class.isAssignableFrom(method.getReturnType())) {
            return Optional.empty();
        }
        Class<? extends AwsRequest> request = (Class<? extends AwsRequest>) method.getParameterTypes()[0];
        Class<? extends AwsResponse> response = (Class<? extends AwsResponse>) method.getReturnType();
        String action = actionName(client.getPackageName(), request, protocol);
        return Optional.of(new Operation(service, action, request, response));
    }

    /** The {@code Action} the SDK's marshaller writes for an empty request of {@code request}'s type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String actionName(String clientPackage, Class<? extends AwsRequest> request,
                                     AwsQueryProtocolFactory protocol) {
        String marshallerName = clientPackage + ".transform." + request.getSimpleName() + "Marshaller";
        try {
            Marshaller<Object> marshaller = (Marshaller) load(marshallerName)
                    .getConstructor(AwsQueryProtocolFactory.class).newInstance(protocol);
            SdkBuilder<?, ?> builder = (SdkBuilder<?, ?>) request.getMethod("builder").invoke(null);
            SdkHttpFullRequest http = marshaller.marshall(builder.build());
            List<String> action = http.rawQueryParameters().get("Action");
            if (action == null || action.size() != 1) {
                throw new IllegalStateException(marshallerName + " wrote no single Action parameter");
            }
            return action.get(0);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the action name of " + request.getName(), e);
        }
    }

    private static AwsQueryProtocolFactory protocolFactory() {
        // The marshaller writes Action, Version and the members; the endpoint is a placeholder it requires.
        SdkClientConfiguration config = SdkClientConfiguration.builder().option(SdkClientOption.CLIENT_ENDPOINT_PROVIDER,
                ClientEndpointProvider.forEndpointOverride(URI.create("https://localhost"))).build();
        return AwsQueryProtocolFactory.builder().clientConfiguration(config).build();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, true, OperationRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("AWS SDK class missing from the class path: " + name, e);
        }
    }
}
