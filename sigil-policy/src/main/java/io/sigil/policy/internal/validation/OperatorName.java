package io.sigil.policy.internal.validation;

import java.util.List;

/**
 * A condition operator name read for validation: set qualifier, family, base name and {@code IfExists} suffix
 * (IAM User Guide, "IAM JSON policy elements: Condition operators"). Kept apart from the evaluator's parser so that
 * the validator can tell an unknown operator from a known one used wrongly ({@code NullIfExists}).
 */
record OperatorName(String text, Qualifier qualifier, Family family, String base, boolean ifExists) {

    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    /** Operator families, with the names IAM accepts for each and the key types they are meant for. */
    enum Family {
        STRING("String", List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
                "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike")),
        NUMERIC("Numeric", List.of("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                "NumericGreaterThan", "NumericGreaterThanEquals")),
        DATE("Date", List.of("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
                "DateGreaterThanEquals")),
        BOOL("Bool", List.of("Bool")),
        BINARY("Binary", List.of("BinaryEquals")),
        IP_ADDRESS("IPAddress", List.of("IpAddress", "NotIpAddress")),
        ARN("ARN", List.of("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike")),
        NULL("Null", List.of("Null"));

        private final String typeName;
        private final List<String> names;

        Family(String typeName, List<String> names) {
            this.typeName = typeName;
            this.names = names;
        }

        /** The operator type as Access Analyzer names it in findings: String, Numeric, Date, Bool, IPAddress, ARN. */
        String typeName() {
            return typeName;
        }

        static Family of(String base) {
            for (Family f : values()) {
                if (f.names.contains(base)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The operator, or null when the name is no IAM operator at all. {@code NullIfExists} parses (see {@link #isNullIfExists()}). */
    static OperatorName parse(String text) {
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
        Family family = Family.of(rest);
        if (family == null && rest.endsWith("IfExists")) {
            rest = rest.substring(0, rest.length() - "IfExists".length());
            family = Family.of(rest);
            ifExists = true;
        }
        return family == null ? null : new OperatorName(text, q, family, rest, ifExists);
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
