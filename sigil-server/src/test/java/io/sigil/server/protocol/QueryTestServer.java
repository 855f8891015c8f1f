package io.sigil.server.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A tiny Query endpoint on the loopback interface: decodes each request with {@link QueryProtocol}, hands it
 * to the test's handler and answers with the encoder, or with the error writer when anything throws a
 * {@link ProtocolException}. The SDK's real clients talk to it.
 */
final class QueryTestServer implements AutoCloseable {
    private final QueryProtocol protocol = QueryProtocol.standard();
    private final HttpServer server;
    private final Function<DecodedRequest, AwsResponse> handler;
    private final List<DecodedRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestIds = new AtomicInteger();

    QueryTestServer(Function<DecodedRequest, AwsResponse> handler) throws IOException {
        this.handler = handler;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    IamClient iam() {
        return IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    StsClient sts() {
        return StsClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    /** The requests decoded so far, in arrival order. */
    List<DecodedRequest> received() {
        return received;
    }

    /** The response bodies sent so far. */
    List<String> bodies() {
        return bodies;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"));
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = "req-" + requestIds.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> params = FormParameters.parse(body);
        AwsService service = AwsService.forApiVersion(params.getOrDefault("Version", List.of("")).get(0))
                .orElse(AwsService.IAM);
        int status = 200;
        byte[] xml;
        try {
            DecodedRequest decoded = protocol.decode(service, params);
            received.add(decoded);
            xml = protocol.encodeResponse(decoded.operation(), handler.apply(decoded), requestId);
        } catch (ProtocolException e) {
            status = e.error().httpStatus();
            xml = protocol.encodeError(service, e.error(), requestId);
        }
        bodies.add(new String(xml, StandardCharsets.UTF_8));
        exchange.getResponseHeaders().set("Content-Type", ErrorResponseWriter.CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, xml.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
