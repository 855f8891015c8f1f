package io.sigil.server.authz;

import io.sigil.policy.ContextValue;
import io.sigil.server.rest.RestJsonException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request's condition keys as the calling service gives them. Each key is either a bare JSON value (a string,
 * a number, a boolean, or an array of strings for a multivalued key) or a typed entry {@code {"type": "Date",
 * "values": ["2026-01-01T00:00:00Z"]}} whose type is one of IAM's ContextKeyType values (IAM API Reference,
 * "ContextEntry"): String, StringList, Numeric, NumericList, Boolean, BooleanList, Date, DateList, IpAddress,
 * IpAddressList, Binary, BinaryList, Arn, ArnList. Values are checked against their type; a single-valued type takes
 * exactly one value. Keys that describe the principal are Sigil's to set and are refused.
 */
final class ContextKeys {
    /** Context keys in one request. */
    static final int MAX_KEYS = 200;
    /** Values of one multivalued key. */
    static final int MAX_VALUES = 1_000;

    /** Keys Sigil sets from the authenticated principal (AWS global condition context keys, "Principal properties"). */
    private static final Set<String> PRINCIPAL_KEYS = Set.of("aws:userid", "aws:username", "aws:principalarn",
            "aws:principalaccount", "aws:principaltype", "aws:tokenissuetime", "aws:multifactorauthpresent",
            "aws:multifactorauthage", "aws:sourceidentity", "aws:principalorgid", "aws:principalorgpaths",
            "aws:principalisawsservice", "aws:principalservicename", "aws:principalservicenameslist");

    private ContextKeys() {}

    static Map<String, ContextValue> read(Object context) {
        if (context == null) {
            return Map.of();
        }
        if (!(context instanceof Map<?, ?> m)) {
            throw AuthorizeRequests.invalid("context", "must be a JSON object of condition keys");
        }
        if (m.size() > MAX_KEYS) {
            throw AuthorizeRequests.invalid("context", "has " + m.size() + " keys; at most " + MAX_KEYS
                    + " are accepted");
        }
        Map<String, ContextValue> out = new HashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            String lower = key.toLowerCase(Locale.ROOT);
            if (PRINCIPAL_KEYS.contains(lower) || lower.startsWith("aws:principaltag/")) {
                throw AuthorizeRequests.invalid("context." + key, "is set by Sigil from the authenticated"
                        + " principal and cannot be given");
            }
            if (!key.matches("[A-Za-z0-9-]+:[^\\s]+")) {
                throw AuthorizeRequests.invalid("context." + key, "is not a condition key (service:name)");
            }
            out.put(key, value(key, e.getValue()));
        }
        return out;
    }

    private static ContextValue value(String key, Object v) {
        if (v instanceof String s) {
            return ContextValue.of(s);
        }
        if (v instanceof Boolean b) {
            return ContextValue.of(b.toString());
        }
        if (v instanceof BigDecimal n) {
            return ContextValue.of(n.toPlainString());
        }
        if (v instanceof List<?> l) {
            return typed(key, "StringList", l);
        }
        if (v instanceof Map<?, ?> m && m.get("type") instanceof String type && m.get("values") instanceof List<?> l) {
            return typed(key, type, l);
        }
        throw AuthorizeRequests.invalid("context." + key, "must be a string, number, boolean, array of strings, or"
                + " {\"type\": ..., \"values\": [...]}");
    }

    private static ContextValue typed(String key, String type, List<?> raw) {
        boolean list = type.endsWith("List");
        String base = list ? type.substring(0, type.length() - 4) : type;
        if (!List.of("String", "Numeric", "Boolean", "Date", "IpAddress", "Binary", "Arn").contains(base)) {
            throw AuthorizeRequests.invalid("context." + key, "has type " + type + "; the types are String, Numeric,"
                    + " Boolean, Date, IpAddress, Binary, Arn and their List forms");
        }
        if (!list && raw.size() != 1) {
            throw AuthorizeRequests.invalid("context." + key, "has type " + type + ", which takes exactly one value");
        }
        if (raw.size() > MAX_VALUES) {
            throw AuthorizeRequests.invalid("context." + key, "has more than " + MAX_VALUES + " values");
        }
        List<String> values = new ArrayList<>();
        for (Object o : raw) {
            String s = o instanceof BigDecimal n ? n.toPlainString() : o instanceof Boolean b ? b.toString()
                    : o instanceof String str ? str : null;
            if (s == null || !fits(base, s)) {
                throw AuthorizeRequests.invalid("context." + key, "has a value that is not a valid " + base);
            }
            values.add(s);
        }
        return list ? ContextValue.ofList(values) : ContextValue.of(values.get(0));
    }

    static boolean fits(String type, String s) {
        switch (type) {
            case "Numeric":
                return s.matches("-?\\d+(\\.\\d+)?");
            case "Boolean":
                return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
            case "Date":
                return isDate(s);
            case "IpAddress":
                return s.matches("[0-9.]+(/\\d{1,2})?") || s.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?");
            case "Binary":
                try {
                    Base64.getDecoder().decode(s);
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            case "Arn":
                return s.startsWith("arn:") && s.split(":", 6).length == 6;
            default:
                return true;
        }
    }

    /** ISO 8601 with a zone, or epoch seconds (IAM User Guide, "Date condition operators"). */
    private static boolean isDate(String s) {
        if (s.matches("\\d{1,12}")) {
            return true;
        }
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            try {
                Instant.parse(s);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
