package io.sigil.server.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters as a tree of their dot-separated names: {@code Tags.member.1.Key=k} becomes
 * {@code Tags → member → 1 → Key = "k"}. The decoder walks the tree along the model, so parameters that no
 * model member names are never visited: AWS Query services ignore parameters they do not know (the common
 * parameters {@code Action}, {@code Version}, {@code X-Amz-*}, {@code AWSAccessKeyId} arrive the same way).
 */
final class ParamTree {
    private final String name;
    private final Map<String, ParamTree> children = new LinkedHashMap<>();
    private List<String> values = List.of();

    private ParamTree(String name) {
        this.name = name;
    }

    /** Builds the tree of {@code params}; names and values are already percent-decoded. */
    static ParamTree of(Map<String, List<String>> params) {
        ParamTree root = new ParamTree("");
        params.forEach((key, values) -> root.insert(key.split("\\.", -1), 0, values));
        return root;
    }

    private void insert(String[] segments, int index, List<String> vals) {
        ParamTree child = children.computeIfAbsent(segments[index],
                segment -> new ParamTree(index == 0 ? segment : name + "." + segment));
        if (index + 1 == segments.length) {
            child.values = List.copyOf(vals);
        } else {
            child.insert(segments, index + 1, vals);
        }
    }

    /** The full parameter name of this node, e.g. {@code Tags.member.1.Key}. */
    String name() {
        return name;
    }

    Optional<ParamTree> child(String segment) {
        return Optional.ofNullable(children.get(segment));
    }

    Map<String, ParamTree> children() {
        return children;
    }

    boolean hasValue() {
        return !values.isEmpty();
    }

    /**
     * The single value of this parameter. A parameter the model knows that arrives twice is rejected rather
     * than resolved silently one way or the other.
     */
    String value() {
        if (values.size() != 1) {
            throw ProtocolException.malformedQueryString("The parameter " + name + " appears more than once.");
        }
        return values.get(0);
    }
}
