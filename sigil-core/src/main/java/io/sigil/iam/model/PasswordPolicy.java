package io.sigil.iam.model;

/**
 * An account's password policy (API Reference, "UpdateAccountPasswordPolicy" and "PasswordPolicy"; spec §5.1).
 * "This operation does not support partial updates": a member not given takes its default, which is what
 * {@link #DEFAULTS} holds.
 *
 * @param minimumPasswordLength 6 to 128, default 6
 * @param maxPasswordAge days a password is valid, 1 to 1,095; 0 (the default) means passwords never expire
 * @param passwordReusePrevention previous passwords that cannot be reused, 1 to 24; 0 (the default) means none
 * @param hardExpiry null when the request did not give it: GetAccountPasswordPolicy then leaves it out, as AWS does
 */
public record PasswordPolicy(
        int minimumPasswordLength,
        boolean requireSymbols,
        boolean requireNumbers,
        boolean requireUppercaseCharacters,
        boolean requireLowercaseCharacters,
        boolean allowUsersToChangePassword,
        int maxPasswordAge,
        int passwordReusePrevention,
        Boolean hardExpiry) {

    public static final int MIN_LENGTH_LOWEST = 6;
    public static final int MIN_LENGTH_HIGHEST = 128;
    public static final int MAX_AGE_HIGHEST = 1095;
    public static final int REUSE_PREVENTION_HIGHEST = 24;

    /** What UpdateAccountPasswordPolicy without parameters stores. */
    public static final PasswordPolicy DEFAULTS = new PasswordPolicy(6, false, false, false, false, false, 0, 0, null);

    public PasswordPolicy {
        if (minimumPasswordLength < MIN_LENGTH_LOWEST || minimumPasswordLength > MIN_LENGTH_HIGHEST) {
            throw new IllegalArgumentException("MinimumPasswordLength is 6 to 128: " + minimumPasswordLength);
        }
        if (maxPasswordAge < 0 || maxPasswordAge > MAX_AGE_HIGHEST) {
            throw new IllegalArgumentException("MaxPasswordAge is 0 (never) or 1 to 1095: " + maxPasswordAge);
        }
        if (passwordReusePrevention < 0 || passwordReusePrevention > REUSE_PREVENTION_HIGHEST) {
            throw new IllegalArgumentException("PasswordReusePrevention is 0 (off) or 1 to 24: "
                    + passwordReusePrevention);
        }
    }

    /** "Indicates whether passwords in the account expire. Returns true if MaxPasswordAge contains a value greater
     * than 0." (API Reference, "PasswordPolicy") */
    public boolean expirePasswords() {
        return maxPasswordAge > 0;
    }

    public boolean isHardExpiry() {
        return Boolean.TRUE.equals(hardExpiry);
    }
}
