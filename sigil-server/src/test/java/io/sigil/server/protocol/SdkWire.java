package io.sigil.server.protocol;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.ClientEndpointProvider;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.http.HttpResponseHandler;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.runtime.transform.Marshaller;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.protocols.query.AwsQueryProtocolFactory;

/** The AWS SDK's own Query marshaller and XML unmarshaller, as an oracle for the codec's two directions. */
final class SdkWire {
    private static final AwsQueryProtocolFactory PROTOCOL = AwsQueryProtocolFactory.builder()
            .clientConfiguration(SdkClientConfiguration.builder().option(SdkClientOption.CLIENT_ENDPOINT_PROVIDER,
                    ClientEndpointProvider.forEndpointOverride(URI.create("https://localhost"))).build())
            .build();

    private SdkWire() {
    }

    /** The Query parameters the SDK sends for {@code request}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, List<String>> marshall(Operation operation, AwsRequest request) throws Exception {
        String marshaller = operation.requestType().getPackageName().replace(".model", ".transform.")
                + operation.requestType().getSimpleName() + "Marshaller";
        Marshaller<Object> m = (Marshaller) Class.forName(marshaller).getConstructor(AwsQueryProtocolFactory.class)
                .newInstance(PROTOCOL);
        SdkHttpFullRequest http = m.marshall(request);
        return new LinkedHashMap<>(http.rawQueryParameters());
    }

    /** What the SDK reads from the response document {@code xml} of {@code operation}. */
    static AwsResponse unmarshall(Operation operation, byte[] xml) throws Exception {
        HttpResponseHandler<AwsResponse> handler =
                PROTOCOL.createResponseHandler(operation::newResponseBuilder);
        SdkHttpFullResponse http = SdkHttpFullResponse.builder().statusCode(200)
                .content(AbortableInputStream.create(new ByteArrayInputStream(xml))).build();
        return handler.handle(http, new ExecutionAttributes());
    }
}
