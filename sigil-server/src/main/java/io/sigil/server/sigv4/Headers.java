package io.sigil.server.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header fields of a request in the order received. Names are case-insensitive (RFC 9110 §5.1); a name may
 * repeat, and its values keep their order, which SigV4 needs: repeated headers are joined with commas in the
 * canonical request.
 */
public final class Headers {
    private final List<Header> fields;
    private final Map<String, List<String>> byLowerName;

    private Headers(List<Header> fields) {
        this.fields = List.copyOf(fields);
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : this.fields) {
            map.computeIfAbsent(lower(h.name()), k -> new ArrayList<>()).add(h.value());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.byLowerName = Collections.unmodifiableMap(map);
    }

    public static Headers of(List<Header> fields) {
        return new Headers(fields);
    }

    /** Alternating names and values: {@code Headers.of("Host", "iam.amazonaws.com", "X-Amz-Date", "...")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        List<Header> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(list);
    }

    /** Every field, in the order received. */
    public List<Header> fields() {
        return fields;
    }

    /**
     * The values of every field with this name (any case), in the order received; empty if none. Sigil's own
     * lookups name headers in lower case, which {@code toLowerCase} returns as it is instead of copying.
     */
    public List<String> values(String name) {
        return byLowerName.getOrDefault(lower(name), List.of());
    }

    /** The value of the first field with this name (any case). */
    public Optional<String> first(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public boolean contains(String name) {
        return byLowerName.containsKey(lower(name));
    }

    /** A copy with one more field at the end. */
    public Headers with(String name, String value) {
        List<Header> list = new ArrayList<>(fields);
        list.add(new Header(name, value));
        return new Headers(list);
    }

    /** A copy without any field of this name. */
    public Headers without(String name) {
        List<Header> list = new ArrayList<>();
        for (Header h : fields) {
            if (!h.name().equalsIgnoreCase(name)) {
                list.add(h);
            }
        }
        return new Headers(list);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Headers" + fields;
    }
}
