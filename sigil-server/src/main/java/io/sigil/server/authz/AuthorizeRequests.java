package io.sigil.server.authz;

import io.sigil.server.rest.JsonTree;
import io.sigil.server.rest.RestJsonException;
import io.sigil.server.sigv4.Header;
import io.sigil.server.sigv4.Headers;
import io.sigil.server.sigv4.Payload;
import io.sigil.server.sigv4.SignedRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON body of /_sigil/authorize into an {@link AuthorizeRequest}, naming the first member that is
 * missing or wrong in a ValidationException (HTTP 400) with {@code reason} and {@code fieldList} as Access
 * Analyzer words its own. The shape is documented in README.md, "Authorization API for other services".
 */
final class AuthorizeRequests {
    private static final Set<String> MEMBERS = Set.of("request", "principalArn", "action", "resource",
            "resourceAccount", "resourcePolicy", "context", "sourceIp", "secureTransport", "region");
    private static final Set<String> REQUEST_MEMBERS = Set.of("method", "path", "query", "headers", "body",
            "bodyBase64", "bodySha256");

    private AuthorizeRequests() {}

    static RestJsonException invalid(String member, String problem) {
        return RestJsonException.fieldValidation(List.of(new RestJsonException.Field(member,
                "'" + member + "' " + problem)));
    }

    static AuthorizeRequest read(byte[] body) {
        Object parsed;
        try {
            parsed = JsonTree.parse(body);
        } catch (JsonTree.Malformed e) {
            throw RestJsonException.validation(e.getMessage(), "cannotParse", null);
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw RestJsonException.validation("The request body must be a JSON object.", "cannotParse", null);
        }
        for (Object k : m.keySet()) {
            if (!MEMBERS.contains(String.valueOf(k))) {
                throw invalid(String.valueOf(k), "is not a member of an authorization request; the members are "
                        + String.join(", ", new java.util.TreeSet<>(MEMBERS)));
            }
        }
        Object request = m.get("request");
        String principalArn = optionalString(m, "principalArn");
        if ((request == null) == (principalArn == null)) {
            throw invalid("request", "or 'principalArn' must be given, and not both");
        }
        String action = requiredString(m, "action");
        if (!action.matches("[A-Za-z0-9-]+:[A-Za-z0-9]+")) {
            throw invalid("action", "must be one action, SERVICE:ActionName, e.g. s3:GetObject (no wildcards)");
        }
        String resource = requiredString(m, "resource");
        if (!resource.equals("*") && !(resource.startsWith("arn:") && resource.split(":", 6).length == 6)) {
            throw invalid("resource", "must be an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE) or *");
        }
        String account = optionalString(m, "resourceAccount");
        if (account != null && !account.matches("\\d{12}")) {
            throw invalid("resourceAccount", "must be a 12-digit account id");
        }
        Object policy = m.get("resourcePolicy");
        String resourcePolicy = policy == null ? null : policy instanceof String s ? s
                : policy instanceof Map<?, ?> ? JsonTree.write(policy) : null;
        if (policy != null && resourcePolicy == null) {
            throw invalid("resourcePolicy", "must be the policy document, as a JSON object or as its text");
        }
        String sourceIp = optionalString(m, "sourceIp");
        if (sourceIp != null && !ContextKeys.fits("IpAddress", sourceIp)) {
            throw invalid("sourceIp", "must be an IPv4 or IPv6 address");
        }
        Object secure = m.get("secureTransport");
        if (secure != null && !(secure instanceof Boolean)) {
            throw invalid("secureTransport", "must be true or false");
        }
        String region = optionalString(m, "region");
        return new AuthorizeRequest(request == null ? null : signed(request), principalArn, action, resource, account,
                resourcePolicy, ContextKeys.read(m.get("context")), sourceIp, (Boolean) secure, region);
    }

    /** The forwarded request as the verifier takes it: method, raw path and query, headers, body or its digest. */
    private static SignedRequest signed(Object request) {
        if (!(request instanceof Map<?, ?> r)) {
            throw invalid("request", "must be an object: method, path, query, headers, and body, bodyBase64 or"
                    + " bodySha256");
        }
        for (Object k : r.keySet()) {
            if (!REQUEST_MEMBERS.contains(String.valueOf(k))) {
                throw invalid("request." + k, "is not a member of a forwarded request; the members are "
                        + String.join(", ", new java.util.TreeSet<>(REQUEST_MEMBERS)));
            }
        }
        String method = requiredString(r, "method", "request.method");
        String path = r.get("path") == null ? "/" : requiredString(r, "path", "request.path");
        if (!path.startsWith("/")) {
            throw invalid("request.path", "must be the path as received, starting with /, still percent-encoded");
        }
        String query = r.get("query") == null ? "" : anyString(r, "query", "request.query");
        if (query.startsWith("?")) {
            query = query.substring(1);
        }
        return new SignedRequest(method, path, query, headers(r.get("headers")), payload(r));
    }

    private static Headers headers(Object v) {
        if (!(v instanceof Map<?, ?> h) || h.isEmpty()) {
            throw invalid("request.headers", "must be an object of the received header fields, name to value (or"
                    + " to an array of values, in the order received)");
        }
        List<Header> fields = new ArrayList<>();
        for (Map.Entry<?, ?> e : h.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (e.getValue() instanceof String s) {
                fields.add(new Header(name, s));
            } else if (e.getValue() instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                l.forEach(x -> fields.add(new Header(name, (String) x)));
            } else {
                throw invalid("request.headers." + name, "must be a string or an array of strings");
            }
        }
        return Headers.of(fields);
    }

    private static Payload payload(Map<?, ?> r) {
        int given = (r.get("body") != null ? 1 : 0) + (r.get("bodyBase64") != null ? 1 : 0)
                + (r.get("bodySha256") != null ? 1 : 0);
        if (given > 1) {
            throw invalid("request.body", "or 'request.bodyBase64' or 'request.bodySha256': give at most one");
        }
        if (r.get("body") != null) {
            return Payload.of(anyString(r, "body", "request.body").getBytes(StandardCharsets.UTF_8));
        }
        if (r.get("bodyBase64") != null) {
            try {
                return Payload.of(Base64.getDecoder().decode(anyString(r, "bodyBase64", "request.bodyBase64")));
            } catch (IllegalArgumentException e) {
                throw invalid("request.bodyBase64", "is not base64");
            }
        }
        if (r.get("bodySha256") != null) {
            String hex = requiredString(r, "bodySha256", "request.bodySha256");
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw invalid("request.bodySha256", "must be the hex SHA-256 of the body (64 hex digits)");
            }
            return Payload.ofSha256Hex(hex);
        }
        return Payload.empty();
    }

    private static String requiredString(Map<?, ?> m, String member) {
        return requiredString(m, member, member);
    }

    private static String requiredString(Map<?, ?> m, String member, String name) {
        Object v = m.get(member);
        if (v == null) {
            throw invalid(name, "is required");
        }
        if (!(v instanceof String s) || s.isEmpty()) {
            throw invalid(name, "must be a non-empty string");
        }
        return s;
    }

    /** A string that may be empty (an empty query or body is what many requests have). */
    private static String anyString(Map<?, ?> m, String member, String name) {
        if (!(m.get(member) instanceof String s)) {
            throw invalid(name, "must be a string");
        }
        return s;
    }

    private static String optionalString(Map<?, ?> m, String member) {
        return m.get(member) == null ? null : requiredString(m, member);
    }
}
