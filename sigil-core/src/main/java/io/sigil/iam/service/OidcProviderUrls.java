package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What CreateOpenIDConnectProvider accepts as {@code Url} (IAM API Reference, "CreateOpenIDConnectProvider" › Url):
 * "The URL must begin with https:// and should correspond to the iss claim in the provider's OpenID Connect ID
 * tokens. Per the OIDC standard, path components are allowed but query parameters are not. ... The URL should not
 * contain a port number." So: {@code https://}, a host, an optional path; no port, query, fragment or user info.
 *
 * <p>Plain {@code http://} is a Sigil addition for local identity providers only: with {@code allowHttpLoopback}
 * (the server's {@code --allow-http-loopback-idp}), an {@code http://} URL whose host is a loopback address
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) is accepted, with a port, so that tests and development
 * can run an identity provider without a certificate. Nothing else relaxes.
 */
public final class OidcProviderUrls {

    /** AWS's text for a URL it refuses (as emulators validated against AWS word it). */
    static final String INVALID = "Invalid Open ID Connect Provider URL";

    /** A host name or IPv4 address, then path segments; no ':', '?', '#', '@' or whitespace anywhere. */
    private static final Pattern HTTPS = Pattern.compile("https://[A-Za-z0-9.-]+(/[^\\s:?#@]*)?");
    private static final Pattern LOOPBACK_HTTP = Pattern.compile(
            "http://(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d{1,5})?(/[^\\s?#@]*)?");

    private OidcProviderUrls() {
    }

    /** @throws IamException ValidationError "Invalid Open ID Connect Provider URL" */
    public static void check(String url, boolean allowHttpLoopback) {
        if (!isAcceptable(url, allowHttpLoopback)) {
            throw IamException.validationError(INVALID);
        }
    }

    public static boolean isAcceptable(String url, boolean allowHttpLoopback) {
        if (url == null) {
            return false;
        }
        if (HTTPS.matcher(url).matches()) {
            String host = hostOf(url);
            return !host.isEmpty() && !host.startsWith(".") && !host.endsWith("-");
        }
        return allowHttpLoopback && LOOPBACK_HTTP.matcher(url.toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether a URL (an issuer, a jwks_uri) may be fetched: https, or loopback http when allowed. */
    public static boolean isFetchable(String url, boolean allowHttpLoopback) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://")) {
            return true;
        }
        return allowHttpLoopback && lower.startsWith("http://")
                && LOOPBACK_HTTP.matcher(lower.replaceFirst("\\?.*$", "")).matches();
    }

    /** The host part of a URL such as {@code https://host/path}. */
    private static String hostOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
