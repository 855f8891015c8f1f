package io.sigil.iam.model;

/** {@code Active} or {@code Inactive} (API Reference, "AccessKey" › Status); an inactive key fails every request. */
public enum AccessKeyStatus {
    ACTIVE("Active"),
    INACTIVE("Inactive");

    private final String wire;

    AccessKeyStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire and in the database. */
    public String wire() {
        return wire;
    }

    public static AccessKeyStatus fromWire(String value) {
        for (AccessKeyStatus s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not an access key status: " + value);
    }
}
