package io.sigil.policy.reference;

/** An action's access level, as the Service Authorization Reference classifies it. */
public enum AccessLevel {
    LIST('L'), READ('R'), WRITE('W'), PERMISSIONS_MANAGEMENT('P'), TAGGING('T');

    private final char code;

    AccessLevel(char code) {
        this.code = code;
    }

    static AccessLevel ofCode(char c) {
        for (AccessLevel l : values()) {
            if (l.code == c) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown access level code " + c);
    }
}
