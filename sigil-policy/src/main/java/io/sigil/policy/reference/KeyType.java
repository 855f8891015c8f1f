package io.sigil.policy.reference;

/**
 * The data type of a condition key (Service Authorization Reference, "Condition keys" tables; IAM User Guide,
 * "IAM JSON policy elements: Condition operators"). {@code ArrayOf…} types are multivalued keys, which need the
 * {@code ForAllValues:}/{@code ForAnyValue:} qualifiers.
 */
public enum KeyType {
    STRING("S", "String"), NUMERIC("N", "Numeric"), DATE("D", "Date"), BOOL("B", "Bool"),
    IP_ADDRESS("I", "IPAddress"), ARN("A", "ARN"),
    ARRAY_OF_STRING("[S", "ArrayOfString"), ARRAY_OF_ARN("[A", "ArrayOfARN"), ARRAY_OF_BOOL("[B", "ArrayOfBool");

    private final String code;
    private final String awsName;

    KeyType(String code, String awsName) {
        this.code = code;
        this.awsName = awsName;
    }

    /** The type's name as AWS writes it: String, ArrayOfString, IPAddress, ... */
    public String awsName() {
        return awsName;
    }

    public boolean multiValued() {
        return code.startsWith("[");
    }

    /** The element type: {@code ArrayOfString} gives {@code STRING}; scalar types give themselves. */
    public KeyType element() {
        switch (this) {
            case ARRAY_OF_STRING: return STRING;
            case ARRAY_OF_ARN: return ARN;
            case ARRAY_OF_BOOL: return BOOL;
            default: return this;
        }
    }

    static KeyType ofCode(String c) {
        for (KeyType t : values()) {
            if (t.code.equals(c)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown key type code " + c);
    }
}
