package io.sigil.server.http;

import io.sigil.server.protocol.AwsError;
import io.sigil.server.protocol.AwsService;
import io.sigil.server.protocol.ErrorResponseWriter;
import io.sigil.server.protocol.Fault;
import io.sigil.server.sigv4.Headers;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Jetty's own refusals in AWS's error shape instead of its HTML page: a request that Jetty rejects before any
 * handler sees it (request line and headers over {@link HttpLimits#maxHeaderBytes()}, a malformed request line,
 * header or path, an unknown HTTP version, no Host) and a handler that fails outside Sigil's own catch. The status
 * stays Jetty's, the body is the Query API's {@code <ErrorResponse>} with a request ID, and the refusal is counted
 * and audited like the edge's others ({@link ApiEndpoint#refuse}). Jetty's reason is shown only when it is short
 * plain text, never an exception's text.
 */
final class EdgeErrors extends ErrorHandler {
    /** AWS's message for InternalFailure (AWS IAM API Reference, "Common Errors"). */
    static final String INTERNAL_FAILURE_MESSAGE =
            "The request processing has failed because of an unknown error, exception or failure.";

    private final Supplier<ApiEndpoint> api;
    private final HttpLimits limits;

    /** @param api the Query API, or null while the server has no routes yet (then the body is rendered here) */
    EdgeErrors(Supplier<ApiEndpoint> api, HttpLimits limits) {
        this.api = api;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Object reason = request.getAttribute(ERROR_MESSAGE);
        SigilHttpServer.send(reply(request, status, reason instanceof String s ? s : null), response, callback);
        return true;
    }

    /** The answer to a request refused with {@code status} for {@code reason} (null when there is none to show). */
    HttpReply reply(Request request, int status, String reason) {
        return reply(partial(request), status, reason);
    }

    HttpReply reply(HttpCall partial, int status, String reason) {
        String code = code(status);
        String message = message(status, reason);
        ApiEndpoint endpoint = api.get();
        if (endpoint != null) {
            return endpoint.refuse(partial, status, code, message);
        }
        // Not started yet: the protocol's error document, without the API's request log.
        String requestId = UUID.randomUUID().toString();
        AwsError error = new AwsError(code, status, Fault.ofStatus(status), message);
        return new HttpReply(status, ErrorResponseWriter.CONTENT_TYPE, Map.of("x-amzn-RequestId", requestId),
                ErrorResponseWriter.write(AwsService.IAM, error, requestId));
    }

    /**
     * The error code for Jetty's status. Over-long headers take S3's code for them (Amazon S3 API Reference,
     * "Error responses": RequestHeaderSectionTooLarge); IAM and STS document none, and their Query errors list has
     * no code for a request that is not HTTP, so the rest are named by what failed.
     */
    static String code(int status) {
        return switch (status) {
            case 431, 414 -> "RequestHeaderSectionTooLarge";
            case 505 -> "HttpVersionNotSupported";
            case 500 -> "InternalFailure";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalFailure" : "MalformedHttpRequest";
        };
    }

    String message(int status, String reason) {
        return switch (status) {
            case 431, 414 -> "Your request line and header section exceed the maximum allowed size of "
                    + limits.maxHeaderBytes() + " bytes.";
            case 505 -> "The HTTP version of the request is not supported; use HTTP/1.1.";
            case 503 -> "The service is unavailable. Please try again later.";
            default -> status >= 500 ? INTERNAL_FAILURE_MESSAGE
                    : "The HTTP request is malformed" + (plain(reason) ? ": " + reason + "." : ".");
        };
    }

    /** True for a reason worth echoing: short printable ASCII, not an exception's text nor the bare status. */
    static boolean plain(String reason) {
        if (reason == null || reason.isEmpty() || reason.length() > 100 || reason.equals("Bad Request")
                || reason.contains("Exception")
                || reason.contains("java.") || reason.contains("org.")) {
            return false;
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** What Jetty still knows of the request: method, path and query when it parsed them, and the peer. */
    private static HttpCall partial(Request request) {
        String method = "GET";
        String path = "/";
        String query = "";
        String remote = "";
        try {
            if (request.getMethod() != null) {
                method = request.getMethod();
            }
            HttpURI uri = request.getHttpURI();
            if (uri != null) {
                path = uri.getPath() == null ? "/" : uri.getPath();
                query = uri.getQuery() == null ? "" : uri.getQuery();
            }
            remote = Request.getRemoteAddr(request);
        } catch (RuntimeException e) {
            // a request Jetty could not parse: what was read so far is enough
        }
        return new HttpCall(method, path, query, Headers.of(List.of()), new byte[0], remote == null ? "" : remote,
                false);
    }
}
