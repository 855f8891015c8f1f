package io.sigil.server.sigv4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One {@code name=value} pair of a raw query string, kept percent-encoded as received. */
public record QueryParam(String rawName, String rawValue) {

    /** Splits a raw query on '&'; a pair without '=' has an empty value; empty pairs ("&&") are dropped. */
    public static List<QueryParam> parse(String rawQuery) {
        List<QueryParam> out = new ArrayList<>();
        if (rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(eq < 0 ? new QueryParam(pair, "") : new QueryParam(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        return out;
    }

    /** The value of the first parameter whose decoded name is {@code name} (AWS uses the first of duplicates). */
    public static Optional<String> first(List<QueryParam> params, String name) {
        for (QueryParam p : params) {
            if (p.name().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    public String name() {
        return UriEncoding.decodeToString(rawName);
    }

    public String value() {
        return UriEncoding.decodeToString(rawValue);
    }

    /** The name decoded, then encoded the SigV4 way. */
    String canonicalName() {
        return UriEncoding.encode(UriEncoding.decode(rawName), false);
    }

    String canonicalValue() {
        return UriEncoding.encode(UriEncoding.decode(rawValue), false);
    }
}
