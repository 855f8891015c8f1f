package io.sigil.policy;

/** A statement's {@code Effect}: exactly {@code Allow} or {@code Deny}, case-sensitive (IAM JSON policy elements: Effect). */
public enum Effect {
    ALLOW("Allow"), DENY("Deny");

    private final String wire;

    Effect(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The effect written exactly as IAM spells it, or null. */
    public static Effect parse(String s) {
        for (Effect e : values()) {
            if (e.wire.equals(s)) {
                return e;
            }
        }
        return null;
    }
}
