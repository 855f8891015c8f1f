package io.sigil.server.sigv4;

import java.util.Objects;

/**
 * An HTTP request as the SigV4 verifier sees it, independent of any HTTP server library.
 *
 * @param method   the request method as received, e.g. {@code POST}
 * @param rawPath  the path as received on the request line, still percent-encoded, without the query
 *                 ({@code "/"} for the IAM and STS Query APIs)
 * @param rawQuery the query string as received, still percent-encoded, without the {@code '?'}; empty if none
 * @param headers  the header fields as received
 * @param payload  the body, or its SHA-256
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Headers headers, Payload payload) {
    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
    }

    public SignedRequest withHeaders(Headers newHeaders) {
        return new SignedRequest(method, rawPath, rawQuery, newHeaders, payload);
    }

    public SignedRequest withRawQuery(String newRawQuery) {
        return new SignedRequest(method, rawPath, newRawQuery, headers, payload);
    }

    public SignedRequest withPayload(Payload newPayload) {
        return new SignedRequest(method, rawPath, rawQuery, headers, newPayload);
    }
}
