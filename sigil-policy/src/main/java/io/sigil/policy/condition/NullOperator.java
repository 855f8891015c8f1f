package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.util.Set;

/**
 * The {@code Null} operator (IAM JSON policy elements: Condition operators, "Condition operator to check existence
 * of condition keys"): {@code true} matches when the key is absent from the request, {@code false} when present.
 * It tests presence, not values, so the engine evaluates it apart; the compiled value only records which.
 */
public final class NullOperator implements OperatorFamily {
    @Override
    public String typeName() {
        return "Null";
    }

    @Override
    public Set<String> names() {
        return Set.of("Null");
    }

    @Override
    public boolean isNegated(String base) {
        return false;
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue {
        return new Presence(BoolOperator.trueOrFalse(policyValue).equalsIgnoreCase("true"), policyValue);
    }

    /** Whether the key must be absent ({@code true}) or present ({@code false}). */
    public record Presence(boolean mustBeAbsent, String text) implements ValueTest {
        public boolean test(String r, Variables vars) {
            return false; // never called: the engine tests presence with holds()
        }

        public boolean holds(boolean present) {
            return mustBeAbsent != present;
        }

        public String describe() {
            return text;
        }
    }
}
