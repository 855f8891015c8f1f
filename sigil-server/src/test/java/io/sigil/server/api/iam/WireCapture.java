package io.sigil.server.api.iam;

import io.sigil.server.testing.SigilTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** Keeps the raw body of the last response an SDK client received, to check what went over the wire. */
final class WireCapture implements ExecutionInterceptor {

    private volatile String lastBody = "";

    /** A root IAM client whose responses this capture records. */
    IamClient client(SigilTestServer server) {
        return IamClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                .build();
    }

    String lastBody() {
        return lastBody;
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        return context.responseBody().map(in -> {
            try (in) {
                byte[] bytes = in.readAllBytes();
                lastBody = new String(bytes, StandardCharsets.UTF_8);
                return new ByteArrayInputStream(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
