package io.sigil.iam.sts;

/**
 * The kinds of temporary credentials (IAM User Guide, "Compare AWS STS credentials"), each with its own principal
 * and its own limits on what it may call.
 */
public enum SessionKind {
    /** GetSessionToken: the IAM user or root user itself, with temporary keys (and possibly MFA). */
    SESSION_TOKEN(1),
    /** GetFederationToken: {@code arn:aws:sts::ACCOUNT:federated-user/NAME}. */
    FEDERATED_USER(2),
    /** AssumeRole and AssumeRoleWith*: {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    ASSUMED_ROLE(3);

    private final int code;

    SessionKind(int code) {
        this.code = code;
    }

    /** The stable number written into session tokens (never the ordinal). */
    public int code() {
        return code;
    }

    public static SessionKind ofCode(int code) {
        for (SessionKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown session kind " + code);
    }
}
