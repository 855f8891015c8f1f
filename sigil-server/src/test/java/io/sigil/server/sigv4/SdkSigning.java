package io.sigil.server.sigv4;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs requests with the AWS SDK for Java v2's own SigV4 signer (an implementation independent of Sigil's), and
 * hands them over the way the server will: raw path, raw query, headers, body.
 */
final class SdkSigning {
    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** How to sign: who, where, when, and in the header or the query. */
    record Options(String accessKeyId, String secret, Optional<String> sessionToken, String region, String service,
                   Instant time, boolean presigned, Duration expiration) {
        static Options iam(Instant time) {
            return new Options(AKID, SECRET, Optional.empty(), "us-east-1", "iam", time, false, Duration.ZERO);
        }

        Options region(String r) {
            return new Options(accessKeyId, secret, sessionToken, r, service, time, presigned, expiration);
        }

        Options service(String s) {
            return new Options(accessKeyId, secret, sessionToken, region, s, time, presigned, expiration);
        }

        Options key(String id, String sec) {
            return new Options(id, sec, sessionToken, region, service, time, presigned, expiration);
        }

        Options token(String token) {
            return new Options(accessKeyId, secret, Optional.of(token), region, service, time, presigned, expiration);
        }

        Options presigned(Duration expires) {
            return new Options(accessKeyId, secret, sessionToken, region, service, time, true, expires);
        }
    }

    /** A Query API POST: {@code Action=...&Version=...} in a form body, as the SDK sends IAM calls. */
    SignedRequest postForm(String host, String form, Options options) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://" + host + "/"))
                .putHeader("Content-Type", FORM)
                .build();
        return sign(request, form.getBytes(StandardCharsets.UTF_8), options);
    }

    /** A GET with the parameters in the query, as an STS presigned GetCallerIdentity URL is. */
    SignedRequest get(String host, String pathAndQuery, Options options) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://" + host + pathAndQuery))
                .build();
        return sign(request, new byte[0], options);
    }

    SignedRequest sign(SdkHttpRequest request, byte[] body, Options o) {
        AwsCredentialsIdentity identity = o.sessionToken().isPresent()
                ? AwsSessionCredentialsIdentity.create(o.accessKeyId(), o.secret(), o.sessionToken().get())
                : AwsCredentialsIdentity.create(o.accessKeyId(), o.secret());
        software.amazon.awssdk.http.auth.spi.signer.SignedRequest signed = signer.sign(r -> {
            r.identity(identity)
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, o.service())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, o.region())
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(o.time(), ZoneOffset.UTC));
            if (o.presigned()) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, o.expiration());
            }
        });
        return toSigil(signed.request(), body);
    }

    static SignedRequest toSigil(SdkHttpRequest request, byte[] body) {
        URI uri = request.getUri();
        List<Header> headers = new ArrayList<>();
        if (request.firstMatchingHeader("Host").isEmpty()) {
            headers.add(new Header("Host", uri.getAuthority())); // HTTP clients add it on the wire
        }
        for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
            for (String v : e.getValue()) {
                headers.add(new Header(e.getKey(), v));
            }
        }
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return new SignedRequest(request.method().name(), uri.getRawPath(), rawQuery, Headers.of(headers),
                Payload.of(body));
    }
}
