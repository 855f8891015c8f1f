package io.sigil.policy.condition;

import io.sigil.policy.ConditionEntry;
import io.sigil.policy.ContextValue;
import io.sigil.policy.Effect;
import io.sigil.policy.RequestContext;
import io.sigil.policy.SourceSpan;
import io.sigil.policy.internal.CompiledCondition;
import io.sigil.policy.internal.EvalContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one operator/key pair the way the engine does, for the operator tests: {@code holds} asks whether the
 * condition is true in an Allow statement, where a policy value the operator cannot read makes it false.
 */
final class Cond {
    static final String KEY = "test:Key";
    /** A role session: it has no aws:username of its own, so tests give the keys they use. */
    static final String USER = "arn:aws:sts::123456789012:assumed-role/tester/session";

    private final String operator;
    private final List<String> policyValues;
    private final boolean variablesEnabled;

    private Cond(String operator, List<String> policyValues, boolean variablesEnabled) {
        this.operator = operator;
        this.policyValues = List.copyOf(policyValues);
        this.variablesEnabled = variablesEnabled;
    }

    static Cond op(String operator, String... policyValues) {
        return new Cond(operator, List.of(policyValues), true);
    }

    /** The same condition in a Version 2008-10-17 policy, where policy variables are plain text. */
    Cond withoutVariables() {
        return new Cond(operator, policyValues, false);
    }

    /** Whether the condition holds in an Allow statement when the key has this single value. */
    boolean holds(String requestValue) {
        return holds(ContextValue.of(requestValue), Map.of());
    }

    /** Whether the condition holds when the key has these values (a multivalued key). */
    boolean holdsForSet(String... requestValues) {
        return holds(ContextValue.ofList(List.of(requestValues)), Map.of());
    }

    /** Whether the condition holds when the key is absent from the request. */
    boolean holdsWhenAbsent() {
        return holds(null, Map.of());
    }

    /** Whether the condition holds with the key's value and other request keys (for policy variables). */
    boolean holds(ContextValue value, Map<String, ContextValue> otherKeys) {
        return evaluate(value, otherKeys, Effect.ALLOW);
    }

    /** Whether the condition holds in a Deny statement (an unreadable condition makes a Deny apply). */
    boolean holdsInDeny(String requestValue) {
        return evaluate(ContextValue.of(requestValue), Map.of(), Effect.DENY);
    }

    private boolean evaluate(ContextValue value, Map<String, ContextValue> otherKeys, Effect effect) {
        Map<String, ContextValue> keys = new HashMap<>(otherKeys);
        if (value != null) {
            keys.put(KEY, value);
        }
        CompiledCondition c = CompiledCondition.compile(
                new ConditionEntry(operator, KEY, policyValues, SourceSpan.NONE), variablesEnabled);
        return c.holds(new EvalContext(RequestContext.of(USER, "test:Action", "*", keys)), effect);
    }
}
