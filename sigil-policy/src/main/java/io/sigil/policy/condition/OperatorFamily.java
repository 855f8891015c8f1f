package io.sigil.policy.condition;

import java.util.Set;

/**
 * A family of condition operators of one data type (IAM JSON policy elements: Condition operators). Each family
 * compiles policy values once; evaluation then only tests request values. Negated operators
 * ({@code StringNotEquals}, {@code NotIpAddress}, ...) are compiled as their positive twin and negated by the
 * caller, because a negated operator with several values means "matches none of them" (IAM User Guide,
 * "Evaluation logic for negated matching condition operators").
 */
public sealed interface OperatorFamily
        permits StringOperators, NumericOperators, DateOperators, BoolOperator, BinaryOperator,
        IpAddressOperators, ArnOperators, NullOperator {

    /** The family's name in findings and explanations: String, Numeric, Date, Boolean, Binary, IP address, ARN, Null. */
    String typeName();

    /** Base operator names, without {@code IfExists} and without set qualifiers. */
    Set<String> names();

    boolean isNegated(String base);

    /** Whether policy variables may appear in values (String and ARN operators only). */
    default boolean allowsVariables() {
        return false;
    }

    ValueTest compile(String base, String policyValue, boolean variablesEnabled) throws InvalidPolicyValue;

    /** The operator family of a base name, or null. */
    static OperatorFamily of(String base) {
        for (OperatorFamily f : ALL) {
            if (f.names().contains(base)) {
                return f;
            }
        }
        return null;
    }

    OperatorFamily[] ALL = {
        new StringOperators(), new NumericOperators(), new DateOperators(), new BoolOperator(),
        new BinaryOperator(), new IpAddressOperators(), new ArnOperators(), new NullOperator()
    };
}
