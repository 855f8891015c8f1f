package io.sigil.server.authz;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends HTTP requests signed by the AWS SDK for Java v2's own SigV4 signer (AwsV4HttpSigner), as any SDK client of
 * an AWS-compatible service would sign them.
 */
final class Signing {
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How far ahead of real time every signature is dated: tests move it together with the server's clock. */
    static volatile java.time.Duration clockOffset = java.time.Duration.ZERO;

    /** Who signs: a long-term key, or temporary credentials with their session token. */
    record Key(String id, String secret, String sessionToken) {
        Key(String id, String secret) {
            this(id, secret, null);
        }

        AwsCredentialsIdentity identity() {
            return sessionToken == null ? AwsCredentialsIdentity.create(id, secret)
                    : AwsSessionCredentialsIdentity.create(id, secret, sessionToken);
        }
    }

    private Signing() {}

    static HttpResponse<String> send(String method, URI uri, byte[] body, String contentType, Key key,
                                     String service, String region) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (contentType != null) {
            b.putHeader("Content-Type", contentType);
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(key.identity())
                .request(b.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK,
                        java.time.Clock.offset(java.time.Clock.systemUTC(), clockOffset))).request();
        HttpRequest.Builder out = HttpRequest.newBuilder(uri)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                h.getValue().forEach(v -> out.header(h.getKey(), v));
            }
        }
        try {
            return HTTP.send(out.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
