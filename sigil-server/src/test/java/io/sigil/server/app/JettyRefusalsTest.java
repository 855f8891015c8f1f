package io.sigil.server.app;

import io.sigil.server.testing.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Jetty refuses before Sigil's handler sees them (they are not valid HTTP, or too large to parse)
 * get the Query API's error shape, not Jetty's HTML page: the "hostile input gets a clean AWS error". Sent
 * over a raw socket, since an HTTP client will not send them.
 */
class JettyRefusalsTest {
    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");

    @Test
    void headersOverTheLimit_are431_withRequestHeaderSectionTooLarge() throws IOException {
        String answer = send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertAwsError(answer, 431, "RequestHeaderSectionTooLarge");
        assertThat(answer).contains("<Message>Your request line and header section exceed the maximum allowed size"
                + " of 16384 bytes.</Message>");
    }

    @Test
    void requestLineOverTheLimit_is414_withTheSameCode() throws IOException {
        String answer = send("GET /?Action=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertAwsError(answer, 414, "RequestHeaderSectionTooLarge");
    }

    @Test
    void malformedHeaderLine_is400_andNamesWhatJettyFound() throws IOException {
        String answer = send("GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n");
        assertAwsError(answer, 400, "MalformedHttpRequest");
        assertThat(answer).contains("<Message>The HTTP request is malformed: Illegal character SPACE=' '.")
                .doesNotContain("Exception");
    }

    @Test
    void missingHost_is400MalformedHttpRequest() throws IOException {
        String answer = send("GET / HTTP/1.1\r\n\r\n");
        assertAwsError(answer, 400, "MalformedHttpRequest");
        assertThat(answer).contains("No Host");
    }

    @Test
    void badPercentEscapeInThePath_is400MalformedHttpRequest() throws IOException {
        assertAwsError(send("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "MalformedHttpRequest");
    }

    @Test
    void contentLengthBesideChunkedEncoding_isRefused_asARequestSmugglingAttempt() throws IOException {
        String answer = send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n");
        assertAwsError(answer, 400, "MalformedHttpRequest");
        assertThat(answer).contains("Transfer-Encoding and Content-Length");
    }

    @Test
    void nonNumericContentLength_is400MalformedHttpRequest() throws IOException {
        assertAwsError(send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"), 400,
                "MalformedHttpRequest");
    }

    @Test
    void unknownHttpVersion_is505_withAnAwsError_typedReceiverAsEvery5xx() throws IOException {
        assertAwsError(send("GET / HTTP/3.7\r\nHost: x\r\n\r\n"), 505, "HttpVersionNotSupported", "Receiver");
    }

    @Test
    void refusals_areCountedAndAudited_likeTheEdgesOthers() throws IOException {
        String answer = send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
        String requestId = header(answer, "x-amzn-RequestId");
        String audit = SIGIL.server().awaitAuditLine(requestId);
        assertThat(audit).contains("\"errorCode\":\"RequestHeaderSectionTooLarge\"");
        String metrics = SIGIL.server().raw("GET", "/_sigil/metrics", null, null).body();
        assertThat(metrics).contains("outcome=\"RequestHeaderSectionTooLarge\"");
    }

    private static void assertAwsError(String answer, int status, String code) {
        assertAwsError(answer, status, code, "Sender");
    }

    private static void assertAwsError(String answer, int status, String code, String type) {
        Matcher m = STATUS.matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(status);
        String requestId = header(answer, "x-amzn-RequestId");
        assertThat(header(answer, "Content-Type")).isEqualTo("text/xml");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Type>" + type + "</Type><Code>" + code + "</Code>")
                .contains("<RequestId>" + requestId + "</RequestId>")
                .doesNotContain("<html").doesNotContain("jetty");
    }

    private static String header(String answer, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": ([^\r\n]*)").matcher(answer);
        assertThat(m.find()).as(name + " in " + answer).isTrue();
        return m.group(1);
    }

    /** The whole answer to {@code request}, read until the server closes or goes quiet. */
    private static String send(String request) throws IOException {
        try (Socket s = new Socket(SIGIL.server().endpoint().getHost(), SIGIL.server().endpoint().getPort())) {
            s.setSoTimeout(2_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // the server keeps the connection open: what arrived is the answer
            } catch (IOException e) {
                // reset after the answer (Jetty closes a connection it cannot parse)
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** True once the head and Content-Length bytes of body have arrived. */
    private static boolean complete(String sofar) {
        int end = sofar.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Matcher m = Pattern.compile("(?im)^Content-Length: (\\d+)").matcher(sofar.substring(0, end));
        return m.find() && sofar.length() - end - 4 >= Integer.parseInt(m.group(1));
    }
}
