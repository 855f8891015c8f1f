package io.sigil.server.http;

import java.time.Duration;

/**
 * Limits enforced at the edge, before any parsing (DESIGN.md, request flow): the body, the request line and
 * headers, the number of Query parameters, and how long a silent connection is kept.
 *
 * @param maxBodyBytes   largest request body; IAM's largest parameter, a policy document, is 131,072 characters,
 *                       and a Query body percent-encodes it, so 1 MiB leaves room without inviting abuse
 * @param maxHeaderBytes request line and headers together
 * @param maxParameters  Query parameters in one request (SimulatePrincipalPolicy's lists are the longest use)
 * @param idleTimeout    a connection that sends nothing for this long is closed (slow clients)
 */
public record HttpLimits(int maxBodyBytes, int maxHeaderBytes, int maxParameters, Duration idleTimeout) {
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_PARAMETERS = 2_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_PARAMETERS,
                DEFAULT_IDLE_TIMEOUT);
    }
}
