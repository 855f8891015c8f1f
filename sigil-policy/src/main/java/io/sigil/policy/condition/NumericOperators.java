package io.sigil.policy.condition;

import io.sigil.policy.internal.Variables;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Numeric condition operators (IAM JSON policy elements: Condition operators, "Numeric condition operators"):
 * integers or decimals, compared exactly as decimals. A request value that is not a number matches nothing.
 */
public final class NumericOperators implements OperatorFamily {
    private static final Set<String> NAMES = Set.of("NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals");
    private static final int MAX_LENGTH = 64;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,9})?");

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

    /**
     * A decimal number, or null. The grammar is a JSON number's (IAM JSON policy elements: Supported data types,
     * "Integer"/"Float"), written bare or quoted: optional minus, ASCII digits, optional fraction and exponent.
     * No whitespace, no {@code +}, no hexadecimal, and no non-ASCII digits ({@link BigDecimal} alone would read the
     * Arabic-Indic digit U+0663 as 3).
     */
    public static BigDecimal parse(String s) {
        if (s == null || s.length() > MAX_LENGTH || !NUMBER.matcher(s).matches()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null; // exponent beyond int range
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
