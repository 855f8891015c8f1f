package io.sigil.server.api.iam;

import io.sigil.iam.error.IamException;
import io.sigil.policy.ContextValue;
import io.sigil.policy.condition.DateOperators;
import io.sigil.policy.condition.IpAddressOperators;
import io.sigil.policy.condition.NumericOperators;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.ContextEntry;

/**
 * The simulator's {@code ContextEntries} as the engine's request keys (IAM API Reference, "ContextEntry": a key name,
 * its values, and a {@code ContextKeyType} of string, stringList, numeric, numericList, boolean, booleanList, ip,
 * ipList, binary, binaryList, date or dateList). A scalar type takes exactly one value; a {@code List} type makes
 * the key multivalued, so set operators ({@code ForAnyValue}/{@code ForAllValues}) read it as AWS does. Each value
 * must read as its type, or the request fails with InvalidInput rather than simulating a condition that could never
 * hold. Without a type a single value is a string and several a stringList.
 */
final class SimulationContext {

    private SimulationContext() {
    }

    /** The request keys, by name as given; a later entry for the same key (any case) replaces an earlier one. */
    static Map<String, ContextValue> of(List<ContextEntry> entries) {
        Map<String, ContextValue> keys = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (ContextEntry e : entries) {
            String name = e.contextKeyName();
            if (name == null || name.isEmpty()) {
                throw IamException.invalidInput("ContextKeyName is required for every context entry.");
            }
            String previous = spelling.put(name.toLowerCase(Locale.ROOT), name);
            if (previous != null) {
                keys.remove(previous);
            }
            keys.put(name, value(name, e));
        }
        return keys;
    }

    private static ContextValue value(String name, ContextEntry e) {
        List<String> values = e.hasContextKeyValues() ? e.contextKeyValues() : List.of();
        String type = e.contextKeyTypeAsString();
        if (type == null) {
            type = values.size() == 1 ? "string" : "stringList";
        }
        boolean list = type.endsWith("List");
        String scalar = list ? type.substring(0, type.length() - "List".length()) : type;
        if (!List.of("string", "numeric", "boolean", "ip", "binary", "date").contains(scalar)) {
            throw IamException.invalidInput("Invalid ContextKeyType " + type + " for context key " + name
                    + ". Valid types: string, stringList, numeric, numericList, boolean, booleanList, ip, ipList,"
                    + " binary, binaryList, date, dateList.");
        }
        if (!list && values.size() != 1) {
            throw IamException.invalidInput("Context key " + name + " of type " + type
                    + " takes exactly one value; use " + type + "List for several.");
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (!valid(scalar, v)) {
                throw IamException.invalidInput("Invalid value " + v + " for context key " + name + " of type "
                        + type + ".");
            }
            out.add(scalar.equals("boolean") ? v.toLowerCase(Locale.ROOT) : v);
        }
        return list ? ContextValue.ofList(out) : ContextValue.of(out.get(0));
    }

    private static boolean valid(String scalar, String v) {
        if (v == null) {
            return false;
        }
        switch (scalar) {
            case "numeric":
                return NumericOperators.parse(v) != null;
            case "boolean":
                return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case "ip":
                return IpAddressOperators.Cidr.parse(v) != null;
            case "date":
                return DateOperators.parseMillis(v) != null;
            case "binary":
                return isBase64(v);
            default:
                return true;
        }
    }

    private static boolean isBase64(String v) {
        try {
            Base64.getDecoder().decode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
