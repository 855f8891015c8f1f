package io.sigil.policy.condition;

/** The ordering part of a Numeric or Date operator name; NotEquals is compiled as Equals and negated. */
enum Comparison {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    static Comparison of(String suffix) {
        switch (suffix) {
            case "Equals":
            case "NotEquals":
                return EQUALS;
            case "LessThan":
                return LESS_THAN;
            case "LessThanEquals":
                return LESS_THAN_EQUALS;
            case "GreaterThan":
                return GREATER_THAN;
            case "GreaterThanEquals":
                return GREATER_THAN_EQUALS;
            default:
                throw new IllegalArgumentException(suffix);
        }
    }

    /** @param c the request value compared to the policy value (negative: request is less) */
    boolean holds(int c) {
        switch (this) {
            case EQUALS: return c == 0;
            case LESS_THAN: return c < 0;
            case LESS_THAN_EQUALS: return c <= 0;
            case GREATER_THAN: return c > 0;
            default: return c >= 0;
        }
    }
}
