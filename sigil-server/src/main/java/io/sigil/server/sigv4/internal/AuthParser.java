package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.AuthLocation;
import io.sigil.server.sigv4.Headers;
import io.sigil.server.sigv4.SigV4Config;
import io.sigil.server.sigv4.SignedRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and parses the signature parameters ("Authentication methods" in the SigV4 docs): the Authorization header,
 * or the X-Amz-* query parameters of a presigned request. Follows the check order documented for AWS front ends:
 * neither present is MissingAuthenticationToken; a malformed or incomplete set is IncompleteSignature.
 */
public final class AuthParser {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private AuthParser() {
    }

    public static AuthParameters parse(SignedRequest request) {
        Optional<String> authorization = request.headers().first("authorization");
        List<QueryParam> query = QueryParam.parse(request.rawQuery());
        Optional<String> queryAlgorithm = QueryParam.first(query, "X-Amz-Algorithm");
        if (authorization.isPresent() && queryAlgorithm.isPresent()) {
            throw Errors.signatureMismatch(); // two signatures: AWS accepts neither
        }
        if (authorization.isPresent()) {
            return fromHeader(authorization.get().trim(), request.headers(), query);
        }
        if (queryAlgorithm.isPresent()) {
            return fromQuery(queryAlgorithm.get(), query, request.headers());
        }
        throw Errors.missingAuthenticationToken();
    }

    /**
     * {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. Parameters are separated by commas
     * and/or whitespace (AWS reports "'/20150620/...' not a valid key=value pair" for a stray space in a credential).
     */
    static AuthParameters fromHeader(String header, Headers headers, List<QueryParam> query) {
        String algorithm = algorithm(header);
        if (!algorithm.equals(ALGORITHM) && algorithm.startsWith("AWS4-")) {
            throw Errors.unsupportedAlgorithm(algorithm);
        }
        Map<String, String> params = algorithm.equals(ALGORITHM) ? parameters(header, algorithm.length()) : Map.of();
        Optional<String> amzDate = headers.first("x-amz-date");
        Optional<String> date = amzDate.isPresent() ? amzDate : headers.first("date");
        List<String> missing = new ArrayList<>();
        requireParam(params, "Credential", missing);
        requireParam(params, "Signature", missing);
        requireParam(params, "SignedHeaders", missing);
        if (date.isEmpty()) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw Errors.authorizationHeaderIncomplete(missing, header);
        }
        Optional<String> token = headers.first("x-amz-security-token")
                .or(() -> QueryParam.first(query, "X-Amz-Security-Token"));
        return new AuthParameters(AuthLocation.HEADER, params.get("Credential"),
                signedHeaders(params.get("SignedHeaders")), params.get("Signature"), date.get(), amzDate.isEmpty(),
                Optional.empty(), token);
    }

    // Scanned by hand rather than split with regular expressions, which were a sixth of a signed call's own CPU in
    // the load test's profile. Whitespace is what regex \s matches: space, tab, line feed, VT, form feed, CR.

    /** The header up to its first whitespace. */
    static String algorithm(String header) {
        int end = 0;
        while (end < header.length() && !isWhitespace(header.charAt(end))) {
            end++;
        }
        return header.substring(0, end);
    }

    /**
     * The {@code key=value} tokens after {@code from}, separated by any run of commas and whitespace; the last of
     * duplicate keys wins. A token without '=' is IncompleteSignature.
     */
    static Map<String, String> parameters(String header, int from) {
        Map<String, String> params = new HashMap<>();
        int start = from;
        for (int i = from; i <= header.length(); i++) {
            if (i < header.length() && !isWhitespace(header.charAt(i)) && header.charAt(i) != ',') {
                continue;
            }
            if (i > start) {
                int eq = header.indexOf('=', start);
                if (eq < 0 || eq >= i) {
                    throw Errors.notKeyValue(header.substring(start, i), header);
                }
                params.put(header.substring(start, eq), header.substring(eq + 1, i));
            }
            start = i + 1;
        }
        return params;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void requireParam(Map<String, String> params, String name, List<String> missing) {
        if (!params.containsKey(name)) {
            missing.add("Authorization header requires '" + name + "' parameter.");
        }
    }

    /** Presigned: X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Signature. */
    static AuthParameters fromQuery(String algorithm, List<QueryParam> query, Headers headers) {
        if (!algorithm.equals(ALGORITHM)) {
            throw Errors.missingAuthenticationToken();
        }
        Optional<String> credential = QueryParam.first(query, "X-Amz-Credential");
        Optional<String> signature = QueryParam.first(query, "X-Amz-Signature");
        Optional<String> signedHeaders = QueryParam.first(query, "X-Amz-SignedHeaders");
        Optional<String> date = QueryParam.first(query, "X-Amz-Date");
        List<String> missing = new ArrayList<>();
        requireQuery(credential, "X-Amz-Credential", missing);
        requireQuery(signature, "X-Amz-Signature", missing);
        requireQuery(signedHeaders, "X-Amz-SignedHeaders", missing);
        requireQuery(date, "X-Amz-Date", missing);
        if (!missing.isEmpty()) {
            throw Errors.queryIncomplete(missing);
        }
        Optional<Long> expires = QueryParam.first(query, "X-Amz-Expires").map(AuthParser::expiresSeconds);
        Optional<String> token = QueryParam.first(query, "X-Amz-Security-Token")
                .or(() -> headers.first("x-amz-security-token"));
        return new AuthParameters(AuthLocation.QUERY, credential.get(), signedHeaders(signedHeaders.get()),
                signature.get(), date.get(), false, expires, token);
    }

    private static void requireQuery(Optional<String> value, String name, List<String> missing) {
        if (value.isEmpty()) {
            missing.add("AWS query-string parameters must include '" + name + "'.");
        }
    }

    /** X-Amz-Expires: "The minimum value you can set is 1, and the maximum is 604800 (seven days)." */
    static long expiresSeconds(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= SigV4Config.MIN_EXPIRES_SECONDS && seconds <= SigV4Config.MAX_EXPIRES_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Errors.badExpires(value);
    }

    private static List<String> signedHeaders(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(";", -1)) {
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
