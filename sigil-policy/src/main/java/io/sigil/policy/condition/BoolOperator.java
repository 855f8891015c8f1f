package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.util.Set;

/**
 * The {@code Bool} operator (IAM JSON policy elements: Condition operators, "Boolean condition operators"):
 * {@code true} or {@code false}, as a JSON boolean or a string, compared without regard to case on both sides.
 * No policy variables: the operators page once said Bool takes them, but the Variables page ("You can't use a
 * policy variable with ... Boolean") and Access Analyzer ("Policy variables can only be used with String and ARN
 * operators") say it does not, so {@code ${...}} in a Bool value is an unreadable value (fail closed).
 */
public final class BoolOperator implements OperatorFamily {
    @Override
    public String typeName() {
        return "Boolean";
    }

    @Override
    public Set<String> names() {
        return Set.of("Bool");
    }

    @Override
    public boolean isNegated(String base) {
        return false;
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue {
        return new BoolTest(trueOrFalse(policyValue));
    }

    /**
     * The value itself if it is {@code true} or {@code false} in any case, as Bool and Null policy values must be.
     *
     * @throws InvalidPolicyValue for anything else
     */
    static String trueOrFalse(String policyValue) throws InvalidPolicyValue {
        if (!policyValue.equalsIgnoreCase("true") && !policyValue.equalsIgnoreCase("false")) {
            throw new InvalidPolicyValue("'" + policyValue + "' is not true or false");
        }
        return policyValue;
    }

    private record BoolTest(String value) implements ValueTest {
        public boolean test(String r, Variables vars) {
            return value.equalsIgnoreCase(r);
        }

        public String describe() {
            return value;
        }
    }
}
