package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Numeric condition operators (IAM JSON policy elements: Condition operators, "Numeric condition operators"):
 * integers or decimals, compared exactly as decimals. A request value that is not a number matches nothing.
 */
public final class NumericOperators implements OperatorFamily {
    private static final Set<String> NAMES = Set.of("NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals");

    @Override
    public String typeName() {
        return "Numeric";
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public boolean isNegated(String base) {
        return base.equals("NumericNotEquals");
    }

    @Override
    public ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue {
        BigDecimal v = parse(policyValue);
        if (v == null) {
            throw new InvalidPolicyValue("'" + policyValue + "' is not a number");
        }
        Comparison cmp = Comparison.of(base.substring("Numeric".length()));
        return new NumericTest(v, cmp, policyValue);
    }

    /** A decimal number, or null. Accepts what JSON and IAM accept: optional sign, digits, fraction, exponent. */
    public static BigDecimal parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        char c0 = s.charAt(0);
        if (!(Character.isDigit(c0) || c0 == '-' || c0 == '+' || c0 == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private record NumericTest(BigDecimal value, Comparison cmp, String text) implements ValueTest {
        public boolean test(String r, Variables vars) {
            BigDecimal x = parse(r);
            return x != null && cmp.holds(x.compareTo(value));
        }

        public String describe() {
            return text;
        }
    }
}
