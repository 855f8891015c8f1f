package io.sigil.policy;

/** The kinds of policy IAM and Organizations store; each is validated by its own rules. */
public enum PolicyType {
    IDENTITY("identity-based policy"),
    RESOURCE("resource-based policy"),
    TRUST("resource-based policy"),
    PERMISSIONS_BOUNDARY("permissions boundary"),
    SESSION("session policy"),
    SCP("service control policy"),
    RCP("resource control policy");

    private final String phrase;

    PolicyType(String phrase) {
        this.phrase = phrase;
    }

    /** How AWS's AccessDenied messages name this type, e.g. "identity-based policy". */
    public String phrase() {
        return phrase;
    }

    /** Parses the command-line spelling: identity, resource, trust, boundary, scp, rcp, session. */
    public static PolicyType fromCli(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "identity": return IDENTITY;
            case "resource": return RESOURCE;
            case "trust": return TRUST;
            case "boundary": return PERMISSIONS_BOUNDARY;
            case "session": return SESSION;
            case "scp": return SCP;
            case "rcp": return RCP;
            default: throw new IllegalArgumentException("unknown policy type: " + s);
        }
    }
}
