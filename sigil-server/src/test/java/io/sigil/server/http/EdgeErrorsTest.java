package io.sigil.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How Jetty's refusals are named and worded; JettyRefusalsTest sends them to a server. */
class EdgeErrorsTest {
    private final EdgeErrors errors = new EdgeErrors(() -> null, HttpLimits.defaults());

    @Test
    void jettysReason_isEchoedOnlyWhenItIsShortPlainText() {
        assertThat(EdgeErrors.plain("Illegal character SPACE=' '")).isTrue();
        assertThat(EdgeErrors.plain("java.lang.IllegalStateException: boom")).isFalse();
        assertThat(EdgeErrors.plain("org.eclipse.jetty.http.BadMessageException: 400")).isFalse();
        assertThat(EdgeErrors.plain("Bad Request")).isFalse();
        assertThat(EdgeErrors.plain("caf\u00e9")).isFalse();
        assertThat(EdgeErrors.plain("x".repeat(101))).isFalse();
        assertThat(EdgeErrors.plain(null)).isFalse();
    }

    @Test
    void serverSideFailures_sayInternalFailure_withAwsMessage_andNoDetail() {
        assertThat(EdgeErrors.code(500)).isEqualTo("InternalFailure");
        assertThat(errors.message(500, "NullPointerException at Foo.java:12"))
                .isEqualTo(EdgeErrors.INTERNAL_FAILURE_MESSAGE);
    }

    @Test
    void beforeTheRoutesAreGiven_theSameShapeIsRenderedWithARequestId() {
        HttpReply r = errors.reply(new HttpCall("GET", "/", "", io.sigil.server.sigv4.Headers.of(java.util.List.of()),
                new byte[0], "", false), 503, null);
        String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(r.status()).isEqualTo(503);
        assertThat(body).startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">")
                .contains("<Type>Receiver</Type><Code>ServiceUnavailable</Code>")
                .contains("<RequestId>" + r.headers().get("x-amzn-RequestId") + "</RequestId>");
    }
}
