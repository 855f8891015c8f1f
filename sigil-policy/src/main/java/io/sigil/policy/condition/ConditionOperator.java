package io.sigil.policy.condition;

/**
 * A parsed condition operator name: optional set qualifier ({@code ForAnyValue:}/{@code ForAllValues:}), the
 * base operator, and the {@code IfExists} suffix. Names are case-sensitive, as IAM reads them: IAM answers
 * {@code stringEquals} with "MalformedPolicyDocument: Invalid Condition type : stringEquals". {@code IfExists}
 * goes on any operator but {@code Null} (Condition operators, "...IfExists condition operators"; Access Analyzer
 * check NULL_WITH_IF_EXISTS). Seed spellings such as {@code DateGreaterThanOrEqual} are unknown, as in AWS.
 */
public record ConditionOperator(String text, Qualifier qualifier, OperatorFamily family, String base,
                                boolean negated, boolean ifExists) {

    public enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private static final String IF_EXISTS = "IfExists";

    /** The operator, or null when the name is not an IAM condition operator. */
    public static ConditionOperator parse(String text) {
        return read(text, false);
    }

    /**
     * Like {@link #parse}, but also reads {@code NullIfExists}, which IAM rejects: the validator needs to tell a
     * known operator used wrongly from an unknown one.
     */
    public static ConditionOperator parseName(String text) {
        return read(text, true);
    }

    private static ConditionOperator read(String text, boolean allowNullIfExists) {
        String rest = text;
        Qualifier q = Qualifier.NONE;
        if (rest.startsWith("ForAnyValue:")) {
            q = Qualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            q = Qualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = false;
        OperatorFamily family = OperatorFamily.of(rest);
        if (family == null && rest.endsWith(IF_EXISTS)) {
            String base = rest.substring(0, rest.length() - IF_EXISTS.length());
            family = OperatorFamily.of(base);
            if (family instanceof NullOperator && !allowNullIfExists) {
                return null; // "You can use ...IfExists with any operator except the Null condition"
            }
            ifExists = family != null;
            rest = base;
        }
        if (family == null) {
            return null;
        }
        return new ConditionOperator(text, q, family, rest, family.isNegated(rest), ifExists);
    }

    public boolean isNull() {
        return family instanceof NullOperator;
    }
}
