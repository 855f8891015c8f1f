package io.sigil.server.app;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The server's edge, before any operation runs: health, authentication errors, limits, AWS error shapes. */
class ServerEdgeTest {
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void health_answers200WithTheAccountAndStore() {
        HttpResponse<String> r = SIGIL.server().raw("GET", "/_sigil/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ok\"").contains(SigilTestServer.ACCOUNT_ID).contains("sqlite");
    }

    @Test
    void unsignedRequest_isMissingAuthenticationToken_inAwsErrorShape() {
        HttpResponse<String> r = SIGIL.server().raw("POST", "/", "application/x-www-form-urlencoded",
                "Action=ListUsers&Version=2010-05-08");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Code>MissingAuthenticationToken</Code>")
                .contains("<Message>Request is missing Authentication Token</Message>");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.body()).contains("<RequestId>" + r.headers().firstValue("x-amzn-RequestId").get() + "</RequestId>");
    }

    @Test
    void wrongSecret_isSignatureDoesNotMatch_asTheSdkSeesIt() {
        try (IamClient iam = SIGIL.server().iam(SigilTestServer.ROOT_KEY_ID,
                "wrong-secret-wrong-secret-wrong-secret-00")) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, iam::listUsers);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
        }
    }

    @Test
    void unknownAccessKey_isInvalidClientTokenId() {
        try (IamClient iam = SIGIL.server().iam("AKIAUNKNOWNKEY000001", "whatever-secret-whatever-secret-whatever0")) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, iam::listUsers);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void bodyOverTheLimit_is413_beforeAnyParsing() {
        String huge = "Action=ListUsers&Version=2010-05-08&X=" + "a".repeat(2 * 1024 * 1024);
        HttpResponse<String> r = SIGIL.server().raw("POST", "/", "application/x-www-form-urlencoded", huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("<Code>RequestEntityTooLarge</Code>");
    }

    @Test
    void tenThousandParameters_areRefusedWithAnAwsError() {
        StringBuilder b = new StringBuilder("Action=ListUsers&Version=2010-05-08");
        for (int i = 0; i < 10_000; i++) {
            b.append("&P").append(i).append("=x");
        }
        HttpResponse<String> r = SIGIL.server().raw("POST", "/", "application/x-www-form-urlencoded", b.toString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<Code>InvalidParameterValue</Code>").doesNotContain("Exception");
    }

    @Test
    void brokenPercentEncoding_isAnAwsError_notAStackTrace() {
        HttpResponse<String> r = SIGIL.server().raw("POST", "/", "application/x-www-form-urlencoded",
                "Action=%ZZ&Version=%");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).startsWith("<ErrorResponse").doesNotContain("at io.sigil").doesNotContain("Exception");
    }

    @Test
    void unknownAdminPath_is404Json() {
        assertThat(SIGIL.server().raw("GET", "/_sigil/nope", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void rootCredentials_areWrittenOnce_withOwnerOnlyPermissions() throws Exception {
        Path file = SIGIL.server().app().dataDir().resolve("credentials");
        assertThat(Files.readString(file)).contains("[sigil]").contains(SigilTestServer.ROOT_KEY_ID)
                .contains(SigilTestServer.ROOT_SECRET);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void metrics_countRequestsByOperationAndOutcome() {
        SIGIL.server().raw("POST", "/", "application/x-www-form-urlencoded", "Action=ListUsers&Version=2010-05-08");
        String m = SIGIL.server().raw("GET", "/_sigil/metrics", null, null).body();
        assertThat(m).contains("sigil_requests_total{operation=\"ListUsers\",outcome=\"MissingAuthenticationToken\"}")
                .contains("sigil_request_duration_seconds_count");
    }
}
