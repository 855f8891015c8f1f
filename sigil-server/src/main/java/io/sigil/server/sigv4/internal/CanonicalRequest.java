package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.Headers;
import io.sigil.server.sigv4.SignedRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical request of "Create a signed AWS API request", step 1:
 * <pre>
 * HTTPMethod \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * </pre>
 * where CanonicalHeaders is one {@code name:value\n} line per signed header.
 */
public record CanonicalRequest(
        String method,
        String canonicalUri,
        String canonicalQuery,
        String canonicalHeaders,
        String signedHeaders,
        String hashedPayload) {

    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    /**
     * Builds the canonical request the client must have signed.
     *
     * @param signedHeaders  the signed header names as the client listed them (lowercase, ';'-separated)
     * @param omitSignature  true for presigned requests: X-Amz-Signature is not part of what was signed
     * @param hashedPayload  the payload hash to use (from x-amz-content-sha256, or computed from the body)
     */
    public static CanonicalRequest of(SignedRequest request, List<String> signedHeaders, boolean omitSignature,
                                      String hashedPayload) {
        return new CanonicalRequest(
                request.method(),
                CanonicalUri.of(request.rawPath()),
                canonicalQuery(QueryParam.parse(request.rawQuery()), omitSignature),
                canonicalHeaders(request.headers(), signedHeaders),
                String.join(";", signedHeaders),
                hashedPayload);
    }

    /**
     * Step 1.3: "URI-encode each parameter name and value ... Sort the encoded parameters by parameter name in
     * ascending order. Parameters with duplicate names should be sorted by value."
     */
    static String canonicalQuery(List<QueryParam> params, boolean omitSignature) {
        List<String[]> encoded = new ArrayList<>(params.size());
        for (QueryParam p : params) {
            if (omitSignature && p.name().equals("X-Amz-Signature")) {
                continue;
            }
            encoded.add(new String[] {p.canonicalName(), p.canonicalValue()});
        }
        encoded.sort(BY_NAME_THEN_VALUE);
        StringBuilder sb = new StringBuilder();
        for (String[] p : encoded) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /**
     * Step 1.4: "lowercase header name, colon, comma-separated list of the values (in the order received) with
     * leading and trailing spaces trimmed and sequential spaces converted to a single space, newline".
     * A signed header absent from the request contributes no line (the signature then cannot match).
     */
    static String canonicalHeaders(Headers headers, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder(256); // an SDK's few signed headers, without growing the builder
        for (String name : signedHeaders) {
            List<String> values = headers.values(name);
            if (values.isEmpty()) {
                continue;
            }
            sb.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(trimAll(values.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Trims spaces and tabs at both ends and turns each run of them inside into a single space. */
    static String trimAll(String value) {
        if (isTrimmed(value)) {
            return value; // most values, and no copy (a tenth of a signed call's allocation went to copies)
        }
        StringBuilder sb = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when the value has no space or tab at either end and none next to another inside. */
    private static boolean isTrimmed(String value) {
        boolean previousBlank = true; // so that a leading blank counts as trimmable
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = c == ' ' || c == '\t';
            if (blank && (previousBlank || c == '\t')) {
                return false;
            }
            previousBlank = blank;
        }
        return !previousBlank || value.isEmpty();
    }

    /** The text that is hashed into the string to sign. */
    public String text() {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n'
                + signedHeaders + '\n' + hashedPayload;
    }

    /**
     * The lowercase hex SHA-256 of {@link #text()}, hashed part by part: the text itself is built only to explain a
     * mismatch.
     */
    public String hashHex() {
        MessageDigest digest = Hashing.sha256Digest();
        for (String part : new String[] {method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders}) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        digest.update(hashedPayload.getBytes(StandardCharsets.UTF_8));
        return Hashing.hex(digest.digest());
    }
}
