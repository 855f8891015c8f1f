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
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * Finds and parses the signature parameters ("Authentication methods" in the SigV4 docs): the Authorization header,
 * or the X-Amz-* query parameters of a presigned request. Follows the check order documented for AWS front ends:
 * neither present is MissingAuthenticationToken; a malformed or incomplete set is IncompleteSignature.
 */
public final class AuthParser {
    // Compiled once: String.split compiles these regular expressions at every call (JFR of the load test).
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private AuthParser() {
    }

    public static AuthParameters parse(SignedRequest request) {
        Optional<String> authorization = request.headers().first("Authorization");
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
        String[] algorithmAndRest = WHITESPACE.split(header, 2);
        String algorithm = algorithmAndRest[0];
        Map<String, String> params = new HashMap<>();
        if (algorithm.equals(ALGORITHM)) {
            String rest = algorithmAndRest.length > 1 ? algorithmAndRest[1] : "";
            for (String token : SEPARATORS.split(rest)) {
                if (token.isEmpty()) {
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq < 0) {
                    throw Errors.notKeyValue(token, header);
                }
                params.put(token.substring(0, eq), token.substring(eq + 1)); // the last of duplicates wins
            }
        } else if (algorithm.startsWith("AWS4-")) {
            throw Errors.unsupportedAlgorithm(algorithm);
        }
        Optional<String> amzDate = headers.first("X-Amz-Date");
        Optional<String> date = amzDate.isPresent() ? amzDate : headers.first("Date");
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
        Optional<String> token = headers.first("X-Amz-Security-Token")
                .or(() -> QueryParam.first(query, "X-Amz-Security-Token"));
        return new AuthParameters(AuthLocation.HEADER, params.get("Credential"),
                signedHeaders(params.get("SignedHeaders")), params.get("Signature"), date.get(), amzDate.isEmpty(),
                Optional.empty(), token);
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
                .or(() -> headers.first("X-Amz-Security-Token"));
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
