package io.sigil.policy.internal.validation;

import io.sigil.policy.condition.ArnOperators;
import io.sigil.policy.condition.BinaryOperator;
import io.sigil.policy.condition.BoolOperator;
import io.sigil.policy.condition.ConditionOperator;
import io.sigil.policy.condition.DateOperators;
import io.sigil.policy.condition.IpAddressOperators;
import io.sigil.policy.condition.NullOperator;
import io.sigil.policy.condition.NumericOperators;
import io.sigil.policy.condition.OperatorFamily;
import io.sigil.policy.condition.StringOperators;

/**
 * A condition operator name read for validation: set qualifier, family, base name and {@code IfExists} suffix
 * (IAM User Guide, "IAM JSON policy elements: Condition operators"), read with the evaluator's parser in its
 * lenient form, so that the validator can tell an unknown operator from a known one used wrongly
 * ({@code NullIfExists}).
 */
record OperatorName(String text, Qualifier qualifier, Family family, String base, boolean ifExists) {

    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    /** Operator families, as the engine defines them, with the names Access Analyzer gives their key types. */
    enum Family {
        STRING("String", StringOperators.class),
        NUMERIC("Numeric", NumericOperators.class),
        DATE("Date", DateOperators.class),
        BOOL("Bool", BoolOperator.class),
        BINARY("Binary", BinaryOperator.class),
        IP_ADDRESS("IPAddress", IpAddressOperators.class),
        ARN("ARN", ArnOperators.class),
        NULL("Null", NullOperator.class);

        private final String typeName;
        private final Class<? extends OperatorFamily> engineFamily;

        Family(String typeName, Class<? extends OperatorFamily> engineFamily) {
            this.typeName = typeName;
            this.engineFamily = engineFamily;
        }

        /** The operator type as Access Analyzer names it in findings: String, Numeric, Date, Bool, IPAddress, ARN. */
        String typeName() {
            return typeName;
        }

        static Family of(OperatorFamily f) {
            for (Family x : values()) {
                if (x.engineFamily.isInstance(f)) {
                    return x;
                }
            }
            throw new IllegalStateException("no validator family for " + f.typeName());
        }
    }

    /**
     * The operator, or null when the name is no IAM operator at all. Read by the engine's own parser, so both
     * agree on what is an operator; {@code NullIfExists} parses (see {@link #isNullIfExists()}).
     */
    static OperatorName parse(String text) {
        ConditionOperator op = ConditionOperator.parseName(text);
        if (op == null) {
            return null;
        }
        Qualifier q = switch (op.qualifier()) {
            case FOR_ANY_VALUE -> Qualifier.FOR_ANY_VALUE;
            case FOR_ALL_VALUES -> Qualifier.FOR_ALL_VALUES;
            default -> Qualifier.NONE;
        };
        return new OperatorName(text, q, Family.of(op.family()), op.base(), op.ifExists());
    }

    boolean isNullIfExists() {
        return family == Family.NULL && ifExists;
    }

    boolean negated() {
        return base.contains("Not");
    }

    boolean like() {
        return base.endsWith("Like");
    }
}
