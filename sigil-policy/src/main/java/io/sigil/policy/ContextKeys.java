package io.sigil.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The context keys a policy reads: the keys of its {@code Condition} blocks and the keys named by policy variables
 * ({@code ${aws:username}}) in {@code Resource}/{@code NotResource} and condition values (IAM API Reference,
 * "GetContextKeysForCustomPolicy": "Context keys ... used in the Condition element of an IAM policy"; IAM User
 * Guide, "IAM policy elements: Variables and tags"). Variables count only under Version 2012-10-17, where IAM
 * substitutes them; the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} name no key. Keys are listed once each
 * (names are case-insensitive), in the spelling and order of their first appearance.
 */
public final class ContextKeys {
    private ContextKeys() {
    }

    /** The keys every statement of the policy reads. */
    public static List<String> of(Policy policy) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Statement s : policy.statements()) {
            addAll(keys, of(s, policy.variablesEnabled()));
        }
        return List.copyOf(keys.values());
    }

    /** The keys one statement reads: variables in its resources, then its condition keys and their values' variables. */
    public static List<String> of(Statement s, boolean variablesEnabled) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (variablesEnabled && s.resource() != null) {
            for (String r : s.resource().values()) {
                variables(r, keys);
            }
        }
        for (ConditionEntry c : s.conditions()) {
            if (!c.key().isEmpty()) {
                add(keys, c.key());
            }
            if (variablesEnabled) {
                for (String v : c.values()) {
                    variables(v, keys);
                }
            }
        }
        return List.copyOf(keys.values());
    }

    /** Merges key lists, keeping the first spelling of each key. */
    public static List<String> union(List<List<String>> lists) {
        Map<String, String> keys = new LinkedHashMap<>();
        lists.forEach(l -> addAll(keys, l));
        return List.copyOf(keys.values());
    }

    private static void addAll(Map<String, String> keys, List<String> more) {
        more.forEach(k -> add(keys, k));
    }

    private static void add(Map<String, String> keys, String key) {
        keys.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
    }

    /** The keys of {@code ${key}} and {@code ${key, 'default'}} references in one value. */
    private static void variables(String value, Map<String, String> keys) {
        int i = 0;
        while (true) {
            int open = value.indexOf("${", i);
            int close = open < 0 ? -1 : value.indexOf('}', open + 2);
            if (close < 0) {
                return;
            }
            String inner = value.substring(open + 2, close);
            int comma = inner.indexOf(',');
            String key = (comma >= 0 ? inner.substring(0, comma) : inner).trim();
            boolean escape = inner.equals("*") || inner.equals("?") || inner.equals("$");
            if (!escape && !key.isEmpty() && key.chars().noneMatch(Character::isWhitespace)) {
                add(keys, key);
            }
            i = close + 1;
        }
    }

    /** The keys of several policies, for GetContextKeysFor*Policy. */
    public static List<String> ofAll(List<Policy> policies) {
        List<List<String>> lists = new ArrayList<>();
        policies.forEach(p -> lists.add(of(p)));
        return union(lists);
    }
}
