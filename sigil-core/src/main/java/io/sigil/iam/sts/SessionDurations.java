package io.sigil.iam.sts;

/**
 * Session durations, in seconds (AWS STS API Reference, DurationSeconds of GetSessionToken, GetFederationToken and
 * AssumeRole; IAM User Guide, "Compare AWS STS credentials"; spec §5.8). The 900..129,600 and 900..43,200 ranges
 * are also request constraints (botocore {@code durationSecondsType}, {@code roleDurationSecondsType}) that the
 * protocol layer checks before the service runs.
 */
public final class SessionDurations {
    /** Shortest session of any kind: 15 minutes. */
    public static final int MIN = 900;
    /** Longest GetSessionToken or GetFederationToken session of an IAM user: 36 hours. */
    public static final int MAX_USER_TOKEN = 129_600;
    /** Default GetSessionToken or GetFederationToken session of an IAM user: 12 hours. */
    public static final int DEFAULT_USER_TOKEN = 43_200;
    /**
     * Longest session obtained with root user credentials: one hour. "If the duration is longer than one hour, the
     * session for Amazon Web Services account owners defaults to one hour" — longer requests are cut, not refused.
     */
    public static final int MAX_ROOT_TOKEN = 3_600;
    /** Default AssumeRole session: one hour. */
    public static final int DEFAULT_ROLE = 3_600;
    /** Longest session of a role assumed with another role's credentials (role chaining): one hour. */
    public static final int MAX_CHAINED_ROLE = 3_600;

    private SessionDurations() {
    }

    /** GetSessionToken and GetFederationToken: the default or requested duration, cut to an hour for the root user. */
    public static int userToken(Integer requested, boolean root) {
        int d = requested == null ? DEFAULT_USER_TOKEN : requested;
        return root ? Math.min(d, MAX_ROOT_TOKEN) : d;
    }
}
