package io.sigil.server.app;

import io.sigil.server.api.EnforceMode;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests signed by the AWS SDK's own SigV4 signer but sent raw: GET query strings, presigned URLs, and the
 * Query protocol's own errors, which an SDK client can never produce.
 */
class SignedRawRequestsTest {
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    /** The request signed by the SDK's SigV4 signer with the root key, in the header or presigned. */
    private static SignedRequest sign(SdkHttpRequest request, boolean presign, String body) {
        return sign(request, presign, body, "iam",
                AwsBasicCredentials.create(SigilTestServer.ROOT_KEY_ID, SigilTestServer.ROOT_SECRET));
    }

    private static SignedRequest sign(SdkHttpRequest request, boolean presign, String body, String service,
                                      AwsBasicCredentials key) {
        return AwsV4HttpSigner.create().sign(r -> {
            r.identity(key)
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1");
            if (body != null) {
                r.payload(() -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            }
            if (presign) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
            }
        });
    }

    private static HttpResponse<String> send(SdkHttpRequest request, boolean presign, String body) throws Exception {
        return send(sign(request, presign, body), request, body);
    }

    private static HttpResponse<String> send(SignedRequest signed, SdkHttpRequest request, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(signed.request().getUri());
        signed.request().headers().forEach((k, vs) -> {
            if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                vs.forEach(v -> b.header(k, v));
            }
        });
        b.method(request.method().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SdkHttpRequest get(String query) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(SIGIL.server().endpoint() + "/?" + query)).build();
    }

    private static SdkHttpRequest post() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(SIGIL.server().endpoint())
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
    }

    @Test
    void getWithQueryString_signedInTheHeader_isAnswered() throws Exception {
        HttpResponse<String> r = send(get("Action=ListUsers&Version=2010-05-08"), false, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("<ListUsersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">");
    }

    /**
     * A call signed for STS that fails verification is answered in STS's namespace, as STS answers it (xmlns
     * "https://sts.amazonaws.com/doc/2011-06-15/" with InvalidClientTokenId, quoted in jrl84/amazon-sp-api#218).
     */
    @Test
    void aRejectedSignature_isAnsweredInTheNamespaceOfTheServiceItWasSignedFor() throws Exception {
        String body = "Action=GetCallerIdentity&Version=2011-06-15";
        AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWNKEY000001", "x".repeat(40));
        HttpResponse<String> sts = send(sign(post(), false, body, "sts", unknown), post(), body);
        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).startsWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">")
                .contains("<Code>InvalidClientTokenId</Code>");
        String iamBody = "Action=GetUser&Version=2010-05-08";
        HttpResponse<String> iam = send(sign(post(), false, iamBody, "iam", unknown), post(), iamBody);
        assertThat(iam.body()).startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Code>InvalidClientTokenId</Code>");
    }

    @Test
    void presignedGetUrl_isAnswered() throws Exception {
        HttpResponse<String> r = send(get("Action=GetUser&Version=2010-05-08"), true, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<Arn>arn:aws:iam::" + SigilTestServer.ACCOUNT_ID + ":root</Arn>");
    }

    /**
     * SigV4 signs the bytes a header carries. A client that writes a signed header's value as UTF-8 (curl does; the
     * SDK's signer hashes the canonical request as UTF-8) is verified over those bytes, although Jetty hands header
     * values over one char per byte (ISO-8859-1).
     */
    @Test
    void aSignedHeaderWithUtf8Bytes_isVerifiedOverTheBytesSent() throws Exception {
        String body = "Action=GetUser&Version=2010-05-08";
        SdkHttpRequest request = post().toBuilder().putHeader("x-amz-meta-note", "\u00fcn\u00ef \u20ac").build();
        SignedRequest signed = sign(request, false, body);
        assertThat(signed.request().firstMatchingHeader("Authorization")).get().asString()
                .contains("x-amz-meta-note");
        URI uri = signed.request().getUri();
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        signed.request().headers().forEach((k, vs) -> {
            if (!k.equalsIgnoreCase("content-length")) {
                vs.forEach(v -> head.append(k).append(": ").append(v).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(body.length()).append("\r\nConnection: close\r\n\r\n").append(body);
        String response;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 200").contains("<GetUserResponse");
    }

    @Test
    void unknownAction_isInvalidAction() throws Exception {
        HttpResponse<String> r = send(post(), false, "Action=Frobnicate&Version=2010-05-08");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidAction</Code>")
                .contains("<Message>Could not find operation Frobnicate for version 2010-05-08</Message>");
    }

    @Test
    void missingAction_isMissingAction() throws Exception {
        HttpResponse<String> r = send(post(), false, "Version=2010-05-08");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>MissingAction</Code>");
    }

    @Test
    void invalidUtf8InAParameter_isACleanAwsError() throws Exception {
        HttpResponse<String> r = send(post(), false, "Action=CreateUser&Version=2010-05-08&UserName=%C3%28%FF");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("<ErrorResponse").contains("<Code>ValidationError</Code>")
                .doesNotContain("Exception");
    }

    @Test
    void auditMode_allowsADeniedCall_andRecordsTheWouldBeDenial() throws Exception {
        try (SigilTestServer audit = SigilTestServer.start(EnforceMode.AUDIT)) {
            audit.rootIam().createUser(r -> r.userName("nobody"));
            var key = audit.rootIam().createAccessKey(r -> r.userName("nobody")).accessKey();
            try (var iam = audit.iam(key.accessKeyId(), key.secretAccessKey())) {
                assertThat(iam.listUsers().users()).extracting(u -> u.userName()).contains("nobody");
            }
            String found = audit.awaitAuditLine("sigilAuditDenial");
            assertThat(found).isNotNull().contains("\"eventName\":\"ListUsers\"")
                    .contains("is not authorized to perform: iam:ListUsers").doesNotContain("\"errorCode\"");
        }
    }
}
