package io.sigil.server.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes AWS Query parameters into an SDK request object, generically over {@code SdkPojo.sdkFields()}.
 *
 * <p>Wire names come from the model: a member is {@code Name} (its {@code LocationTrait} name), a structure
 * member is {@code Name.Member}, a list element is {@code Name.member.N} (the {@code ListTrait} member name;
 * {@code Name.N} when flattened) and a map entry is {@code Name.entry.N.key} / {@code Name.entry.N.value}.
 * An empty list is sent as {@code Name=}. Indexes start at 1 (Smithy awsQuery protocol, "Query key
 * resolution"; IAM API Reference, e.g. CreateUser {@code Tags.member.N}).
 *
 * <p>Rules where the wire can be wrong:
 * <ul>
 *   <li>parameters that no member of the operation names are ignored, as AWS Query services do;</li>
 *   <li>a value that is not of the member's type ({@code MaxItems=ten}, {@code SetAsDefault=yes}) is
 *       {@code InvalidParameterValue};</li>
 *   <li>list or map indexes that are not exactly 1, 2, … n (index 0, a gap, a non-number) and a known parameter
 *       given twice are {@code MalformedQueryString}.</li>
 * </ul>
 * Constraints (required, length, pattern, range) are not checked here but by {@link RequestValidator}.
 */
public final class QueryDecoder {
    private static final Pattern INDEX = Pattern.compile("[1-9][0-9]{0,8}");

    private QueryDecoder() {
    }

    /**
     * Decodes {@code params} (names and values percent-decoded, each name mapped to its values in arrival order)
     * into a request of {@code operation}.
     *
     * @throws ProtocolException InvalidParameterValue or MalformedQueryString, as described above
     */
    public static AwsRequest decode(Operation operation, Map<String, List<String>> params) {
        Objects.requireNonNull(operation, "operation");
        SdkPojo builder = operation.newRequestBuilder();
        fill(builder, ParamTree.of(params));
        return (AwsRequest) ((SdkBuilder<?, ?>) builder).build();
    }

    private static void fill(SdkPojo builder, ParamTree node) {
        for (SdkField<?> field : builder.sdkFields()) {
            ParamTree child = node.child(field.locationName()).orElse(null);
            if (child != null) {
                Object value = read(field, child);
                if (value != null) {
                    field.set(builder, value);
                }
            }
        }
    }

    /** The value of {@code field} at {@code node}, or null when the node carries nothing for it. */
    private static Object read(SdkField<?> field, ParamTree node) {
        MarshallingType<?> type = field.marshallingType();
        if (ScalarCodec.isScalar(type)) {
            return node.hasValue() ? ScalarCodec.decode(type, node.name(), node.value()) : null;
        }
        if (type == MarshallingType.LIST) {
            return readList(field.getRequiredTrait(ListTrait.class), node);
        }
        if (type == MarshallingType.MAP) {
            return readMap(field.getRequiredTrait(MapTrait.class), node);
        }
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, node);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        return null; // DOCUMENT and NULL members do not occur in Query models
    }

    private static List<Object> readList(ListTrait trait, ParamTree node) {
        SdkField<?> memberField = trait.memberFieldInfo();
        ParamTree elements = trait.isFlattened() ? node : node.child(memberName(trait)).orElse(null);
        if (elements == null || elements.children().isEmpty()) {
            return isEmptyMarker(node) ? List.of() : null;
        }
        List<Object> list = new ArrayList<>();
        for (ParamTree element : indexed(elements)) {
            Object value = read(memberField, element);
            if (value == null) {
                throw ProtocolException.malformedQueryString("The parameter " + element.name() + " has no value.");
            }
            list.add(value);
        }
        return list;
    }

    private static Map<String, Object> readMap(MapTrait trait, ParamTree node) {
        ParamTree entries = trait.isFlattened() ? node : node.child("entry").orElse(null);
        if (entries == null || entries.children().isEmpty()) {
            return isEmptyMarker(node) ? Map.of() : null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (ParamTree entry : indexed(entries)) {
            ParamTree key = entry.child(trait.keyLocationName()).filter(ParamTree::hasValue).orElseThrow(
                    () -> ProtocolException.malformedQueryString("The map entry " + entry.name() + " has no key."));
            ParamTree valueNode = entry.child(trait.valueLocationName()).orElse(null);
            Object value = valueNode == null ? null : read(trait.valueFieldInfo(), valueNode);
            if (value == null) {
                throw ProtocolException.malformedQueryString("The map entry " + entry.name() + " has no value.");
            }
            if (map.put(key.value(), value) != null) {
                throw ProtocolException.malformedQueryString(
                        "The map " + node.name() + " has the key " + key.value() + " more than once.");
            }
        }
        return map;
    }

    /** The children of {@code node}, which must be named 1, 2, … n, in index order. */
    private static List<ParamTree> indexed(ParamTree node) {
        int count = node.children().size();
        ParamTree[] ordered = new ParamTree[count];
        for (Map.Entry<String, ParamTree> child : node.children().entrySet()) {
            String segment = child.getKey();
            int index = INDEX.matcher(segment).matches() ? Integer.parseInt(segment) : -1;
            if (index < 1 || index > count) {
                throw ProtocolException.malformedQueryString("The parameter " + child.getValue().name()
                        + " is not a valid list index: indexes start at 1 and have no gaps.");
            }
            ordered[index - 1] = child.getValue();
        }
        return List.of(ordered);
    }

    /** {@code Name=} with no members: how the Query protocol sends an empty list or map. */
    private static boolean isEmptyMarker(ParamTree node) {
        return node.hasValue() && node.value().isEmpty();
    }

    private static String memberName(ListTrait trait) {
        String name = trait.memberLocationName();
        return name != null ? name : trait.memberFieldInfo().locationName();
    }
}
