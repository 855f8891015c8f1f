package io.sigil.server.sigv4.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.StringJoiner;

/**
 * The CanonicalURI of a non-S3 service ("Create a signed AWS API request", step 1: "the URI-encoded version of the
 * absolute path component URI ... Each path segment must be URI-encoded twice ... except for Amazon S3").
 *
 * <p>The path arrives already encoded once (as sent on the wire), so encoding it once more gives AWS's
 * double encoding: a '%' becomes "%25". Before that the path is normalised as the AWS signing test suite's
 * normalize-path cases require: "." and ".." segments are resolved (RFC 3986 §5.2.4) and empty segments ("//")
 * collapse; a trailing slash is kept.
 */
public final class CanonicalUri {
    private CanonicalUri() {
    }

    public static String of(String rawPath) {
        return encode(normalize(rawPath));
    }

    static String normalize(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = rawPath.split("/", -1);
        boolean trailingSlash = false;
        for (String part : parts) {
            trailingSlash = part.isEmpty() || part.equals(".") || part.equals("..");
            if (part.equals("..")) {
                segments.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                segments.addLast(part);
            }
        }
        if (segments.isEmpty()) {
            return "/";
        }
        StringJoiner path = new StringJoiner("/", "/", trailingSlash ? "/" : "");
        segments.forEach(path::add);
        return path.toString();
    }

    private static String encode(String normalizedPath) {
        return UriEncoding.encode(normalizedPath.getBytes(StandardCharsets.UTF_8), true);
    }
}
