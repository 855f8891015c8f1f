package io.sigil.server.protocol;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
 * The scan of the AWS SDK model that {@link OperationRegistry}'s shipped table is generated from: the methods of
 * {@code IamClient} and {@code StsClient} that take one {@code XxxRequest} and return an {@code XxxResponse},
 * each with the {@code Action} its SDK marshaller writes for an empty request.
 */
final class OperationScan {
    private OperationScan() {}

    /** Every operation of the SDK on the class path, in the order of the shipped table. */
    static List<OperationRegistry.Entry> scan() {
        List<OperationRegistry.Entry> found = new ArrayList<>();
        AwsQueryProtocolFactory protocol = protocolFactory();
        for (AwsService service : AwsService.values()) {
            Class<?> client = load(service.clientInterface());
            List<OperationRegistry.Entry> ofService = new ArrayList<>();
            for (Method method : client.getMethods()) {
                operationOf(service, client, method, protocol)
                        .filter(e -> ofService.stream().noneMatch(f -> f.requestClass().equals(e.requestClass())))
                        .ifPresent(ofService::add);
            }
            found.addAll(ofService);
        }
        return new OperationRegistry(found).entries();
    }

    /** The table text: a header naming the source, then one line per operation. */
    static String table(List<OperationRegistry.Entry> entries) {
        StringBuilder out = new StringBuilder()
                .append("# Every IAM and STS operation: service, action (as the SDK's marshaller writes Action=),\n")
                .append("# request class, response class. Generated from the AWS SDK for Java v2 model on the\n")
                .append("# class path by OperationTableTest (run it with -Dsigil.regenerate=true to rewrite this\n")
                .append("# file); the test fails when this file and the SDK disagree. Do not edit by hand.\n");
        entries.forEach(e -> out.append(e.line()).append('\n'));
        return out.toString();
    }

    private static Optional<OperationRegistry.Entry> operationOf(AwsService service, Class<?> client, Method method,
                                                                 AwsQueryProtocolFactory protocol) {
        if (method.getParameterCount() != 1 || !AwsRequest.class.isAssignableFrom(method.getParameterTypes()[0])
                || !AwsResponse.class.isAssignableFrom(method.getReturnType())) {
            return Optional.empty();
        }
        Class<?> request = method.getParameterTypes()[0];
        String action = actionName(client.getPackageName(), request, protocol);
        return Optional.of(new OperationRegistry.Entry(service, action, request.getName(),
                method.getReturnType().getName()));
    }

    /** The {@code Action} the SDK's marshaller writes for an empty request of {@code request}'s type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String actionName(String clientPackage, Class<?> request, AwsQueryProtocolFactory protocol) {
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
            return Class.forName(name, true, OperationScan.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("AWS SDK class missing from the class path: " + name, e);
        }
    }
}
