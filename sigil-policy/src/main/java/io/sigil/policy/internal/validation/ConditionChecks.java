package io.sigil.policy.internal.validation;

import io.sigil.policy.internal.Json;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Condition block (IAM JSON policy elements: Condition; Condition operators). IAM rejects a block that is not
 * an object of objects, an operator it does not know when the operator has keys (an unknown operator over an empty
 * object is accepted), values that are not scalars or arrays of scalars, and Date values its legacy parser cannot
 * read. Keys, their types and the values of the other operators are Access Analyzer's checks ({@link KeyChecks},
 * {@link ValueChecks}).
 */
final class ConditionChecks {
    private ConditionChecks() {}

    /** The condition keys the block uses, lower-cased; empty when the block is malformed. */
    static Set<String> check(Context ctx, Json condition, String path, String effect) {
        Set<String> keys = new HashSet<>();
        if (!(condition instanceof Json.JObject block)) {
            ctx.add(Issue.DATA_TYPE_MISMATCH, path, condition.span(), "object");
            return keys;
        }
        if (block.members().isEmpty()) {
            ctx.add(Issue.EMPTY_OBJECT_CONDITION, path, block.span());
        }
        Set<String> nullFalse = nullFalseKeys(block);
        for (Json.Member op : block.members()) {
            String opPath = Context.child(path, op.name());
            if (!(op.value() instanceof Json.JObject body)) {
                ctx.add(Issue.DATA_TYPE_MISMATCH, opPath, op.value().span(), "object");
                continue;
            }
            OperatorName name = OperatorName.parse(op.name());
            if (name == null) {
                if (!body.members().isEmpty()) {
                    ctx.add(Issue.INVALID_CONDITION_OPERATOR, opPath, op.nameSpan(), op.name());
                }
                continue;
            }
            if (name.isNullIfExists()) {
                ctx.add(Issue.NULL_WITH_IF_EXISTS, opPath, op.nameSpan());
            } else if (name.family() == OperatorName.Family.NULL && name.qualifier() != OperatorName.Qualifier.NONE) {
                ctx.add(Issue.NULL_WITH_QUALIFIER, opPath, op.nameSpan());
            }
            operator(ctx, name, body, opPath, effect, nullFalse, keys);
        }
        KeyChecks.paired(ctx, keys, path, block.span());
        return keys;
    }

    private static void operator(Context ctx, OperatorName op, Json.JObject body, String opPath, String effect,
                                 Set<String> nullFalse, Set<String> keys) {
        Map<String, String> seen = new HashMap<>();
        for (Json.Member k : body.members()) {
            String keyPath = Context.child(opPath, k.name());
            String lower = k.name().toLowerCase(Locale.ROOT);
            String previous = seen.put(lower, k.name());
            if (previous != null) {
                ctx.add(previous.equals(k.name()) ? Issue.DUPLICATE_ELEMENT : Issue.DUPLICATE_KEYS_WITH_DIFFERENT_CASE,
                        keyPath, k.nameSpan(), k.name());
            }
            keys.add(lower);
            List<Item> values = Elements.scalars(ctx, k.value(), keyPath);
            if (values == null) {
                continue;
            }
            if (values.isEmpty()) {
                ctx.add(emptyIssue(op), keyPath, k.value().span(), k.name());
            }
            if (op.family() == OperatorName.Family.DATE) {
                for (Item v : values) {
                    if (!LegacyDates.accepts(v.value())) {
                        ctx.add(Issue.LEGACY_DATE, v.path(), v.span(), v.value());
                    }
                }
            }
            Item key = new Item(k.name(), keyPath, k.nameSpan());
            KeyChecks.check(ctx, op, key, values.size());
            ValueChecks.check(ctx, op, key, values);
            if ("Allow".equals(effect) && op.qualifier() == OperatorName.Qualifier.FOR_ALL_VALUES && !op.negated()
                    && op.family() != OperatorName.Family.NULL && !nullFalse.contains(lower) && !values.isEmpty()) {
                // ForAllValues is true for a missing or empty key (IAM User Guide, "Set operators for multivalued
                // context keys"), so an Allow with it alone allows requests that carry no such key.
                ctx.add(Issue.ALLOW_WITH_FOR_ALL_VALUES, keyPath, k.nameSpan(), k.name());
            }
        }
    }

    private static Issue emptyIssue(OperatorName op) {
        if (op.qualifier() == OperatorName.Qualifier.FOR_ALL_VALUES) {
            return Issue.EMPTY_ARRAY_CONDITION_FORALLVALUES;
        }
        if (op.qualifier() == OperatorName.Qualifier.FOR_ANY_VALUE) {
            return Issue.EMPTY_ARRAY_CONDITION_FORANYVALUE;
        }
        return op.ifExists() ? Issue.EMPTY_ARRAY_CONDITION_IFEXISTS : Issue.EMPTY_ARRAY_CONDITION;
    }

    /** Keys tested with {@code "Null": {"key": "false"}}: present in the request. */
    private static Set<String> nullFalseKeys(Json.JObject block) {
        Set<String> out = new HashSet<>();
        Json nul = block.get("Null");
        if (nul instanceof Json.JObject o) {
            for (Json.Member m : o.members()) {
                if ("false".equalsIgnoreCase(Json.scalarText(m.value()))) {
                    out.add(m.name().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }
}
