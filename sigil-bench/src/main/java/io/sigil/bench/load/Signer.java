package io.sigil.bench.load;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Signs one IAM Query POST with the AWS SDK's own SigV4 signer, as a real client would. */
final class Signer {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private Signer() {}

    /** The headers to send with {@code body} to {@code endpoint}, signed for service iam, region us-east-1. */
    static Map<String, List<String>> sign(URI endpoint, String body, String keyId, String secret) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        AwsCredentialsIdentity creds = AwsBasicCredentials.create(keyId, secret);
        SignedRequest signed = SIGNER.sign(r -> r.identity(creds).request(request)
                .payload(() -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        return signed.request().headers();
    }
}
