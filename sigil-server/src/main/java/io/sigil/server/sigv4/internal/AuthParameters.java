package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.AuthLocation;

import java.util.List;
import java.util.Optional;

/**
 * The signature parameters of a request, from the Authorization header or from the presigned query.
 *
 * @param location      where they came from
 * @param credential    {@code AKID/YYYYMMDD/region/service/aws4_request}, not yet checked
 * @param signedHeaders the signed header names as listed, lowercased
 * @param signature     the hex signature as sent
 * @param date          the request time text: X-Amz-Date (header or query) or the Date header
 * @param fromDateHeader true if {@code date} came from the Date header (which may be an HTTP date)
 * @param expires       X-Amz-Expires in seconds, for presigned requests that carry it
 * @param securityToken the session token, if any
 */
public record AuthParameters(
        AuthLocation location,
        String credential,
        List<String> signedHeaders,
        String signature,
        String date,
        boolean fromDateHeader,
        Optional<Long> expires,
        Optional<String> securityToken) {
    public AuthParameters {
        signedHeaders = List.copyOf(signedHeaders);
    }
}
