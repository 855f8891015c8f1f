package io.sigil.server.http;

import io.sigil.server.sigv4.Headers;

/**
 * One HTTP request as the API layer sees it: the raw path and query (still percent-encoded, as SigV4 needs
 * them), the headers, the whole body (already within {@link HttpLimits#maxBodyBytes()}), and where it came from.
 */
public record HttpCall(String method, String rawPath, String rawQuery, Headers headers, byte[] body,
                       String remoteAddress, boolean secure) {
    public String header(String name) {
        return headers.first(name).orElse(null);
    }
}
