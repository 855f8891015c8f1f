package io.sigil.policy.internal;

import io.sigil.policy.ConditionEntry;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Effect;
import io.sigil.policy.condition.ConditionOperator;
import io.sigil.policy.condition.InvalidPolicyValue;
import io.sigil.policy.condition.IpAddressOperators;
import io.sigil.policy.condition.NullOperator;
import io.sigil.policy.condition.ValueTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One operator/key pair compiled. Evaluation follows IAM User Guide "Condition operators" and "Set operators for
 * multivalued context keys": values of one key are OR-ed; a negated operator is true when no value matches; an
 * absent key fails a positive operator and satisfies a negated one; {@code ...IfExists} is true on an absent key;
 * {@code ForAllValues} is true on an absent key or empty set, {@code ForAnyValue} false. A single-valued or
 * unqualified multivalued key is tested as "any request value matches".
 * <p>
 * An operator IAM does not know, or a value its operator cannot read, never silently passes: it keeps an Allow
 * from applying and makes a Deny apply (fail closed).
 */
public final class CompiledCondition {
    private final ConditionEntry source;
    private final ConditionOperator op;
    private final String keyLower;
    private final ValueTest[] tests;
    private final String invalid;

    private CompiledCondition(ConditionEntry source, ConditionOperator op, ValueTest[] tests, String invalid) {
        this.source = source;
        this.op = op;
        this.keyLower = source.key().toLowerCase(Locale.ROOT);
        this.tests = tests;
        this.invalid = invalid;
    }

    public static CompiledCondition compile(ConditionEntry e, boolean variablesEnabled) {
        ConditionOperator op = ConditionOperator.parse(e.operator());
        if (op == null) {
            return new CompiledCondition(e, null, new ValueTest[0], "unknown condition operator " + e.operator());
        }
        List<ValueTest> tests = new ArrayList<>(e.values().size());
        for (String v : e.values()) {
            try {
                tests.add(op.family().compile(op.base(), v, variablesEnabled));
            } catch (InvalidPolicyValue ex) {
                return new CompiledCondition(e, op, new ValueTest[0], ex.getMessage() + " for " + op.base());
            }
        }
        if (tests.isEmpty()) {
            return new CompiledCondition(e, op, new ValueTest[0], "no values for " + e.operator());
        }
        return new CompiledCondition(e, op, tests.toArray(new ValueTest[0]), null);
    }

    public ConditionEntry source() {
        return source;
    }

    public String keyLower() {
        return keyLower;
    }

    public boolean holds(EvalContext ctx, Effect effect) {
        if (invalid != null) {
            return effect == Effect.DENY;
        }
        ContextValue v = ctx.value(keyLower);
        if (op.isNull()) {
            boolean present = hasValue(v);
            for (ValueTest t : tests) {
                if (((NullOperator.Presence) t).holds(present)) {
                    return true;
                }
            }
            return false;
        }
        if (v == null) {
            if (op.ifExists()) {
                return true;
            }
            switch (op.qualifier()) {
                case FOR_ALL_VALUES: return true;
                case FOR_ANY_VALUE: return false;
                default: return op.negated();
            }
        }
        List<String> values = v.values();
        switch (op.qualifier()) {
            case FOR_ANY_VALUE:
                for (String r : values) {
                    if (anyMatch(r, ctx) != op.negated()) {
                        return true;
                    }
                }
                return false;
            case FOR_ALL_VALUES:
                for (String r : values) {
                    if (anyMatch(r, ctx) == op.negated()) {
                        return false;
                    }
                }
                return true;
            default:
                boolean any = false;
                for (String r : values) {
                    if (anyMatch(r, ctx)) {
                        any = true;
                        break;
                    }
                }
                return any != op.negated();
        }
    }

    /**
     * What the {@code Null} operator calls present: the key is in the request and its value is not a null data
     * set. A multivalued key with no values is null (IAM User Guide, "Multivalued context key examples": use
     * {@code Null} with {@code false} "to check if the context key in the request exists and its value is not
     * null", which keeps an empty set from satisfying {@code ForAllValues}).
     */
    private static boolean hasValue(ContextValue v) {
        return v != null && !v.values().isEmpty();
    }

    private boolean anyMatch(String r, Variables vars) {
        for (ValueTest t : tests) {
            if (t.test(r, vars)) {
                return true;
            }
        }
        return false;
    }

    /** Why this condition does not hold, e.g. "Condition aws:SourceIp IpAddress: 198.51.100.1 not in 203.0.113.0/24". */
    public String failure(EvalContext ctx) {
        String head = "Condition " + source.key() + " " + source.operator() + ": ";
        if (invalid != null) {
            return head + invalid;
        }
        ContextValue v = ctx.value(keyLower);
        List<String> policyValues = source.values();
        String pv = policyValues.size() == 1 ? policyValues.get(0) : String.valueOf(policyValues);
        if (op.isNull()) {
            return head + (hasValue(v) ? "key is present" : "key is absent");
        }
        if (v == null) {
            return head + "key is absent from the request";
        }
        String rv = v.multiValued() ? String.valueOf(v.values()) : String.join(",", v.values());
        if (op.negated()) {
            return head + rv + " matches " + pv;
        }
        boolean ip = op.family() instanceof IpAddressOperators;
        return head + rv + (ip ? " not in " : " does not match ") + pv;
    }
}
