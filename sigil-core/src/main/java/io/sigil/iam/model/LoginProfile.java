package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An IAM user's console password (API Reference, "LoginProfile"; spec §5.3): at most one per user, stored only as
 * a {@code $pbkdf2-sha256} hash. Keyed by the user's unique id, so it follows the user through a rename.
 *
 * @param userName the user's current name
 * @param passwordHash the encoded PBKDF2 hash; never in clear, never in {@link #toString()}
 * @param createDate "The date when the password for the user was created": kept across password changes
 * @param passwordSetDate when the current password was set; MaxPasswordAge counts from here
 * @param passwordResetRequired the flag set by Create/UpdateLoginProfile, cleared by a change of password
 * @param failedAttempts consecutive failed sign-ins (or ChangePassword old-password checks) since the last success
 * @param lockedUntil null, or the end of a lockout after too many failures
 * @param version optimistic-lock version of the row
 */
public record LoginProfile(
        String accountId,
        String userId,
        String userName,
        String passwordHash,
        Instant createDate,
        Instant passwordSetDate,
        boolean passwordResetRequired,
        int failedAttempts,
        Instant lockedUntil,
        long version) {

    public LoginProfile {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(passwordSetDate, "passwordSetDate");
    }

    /** A profile about to be created: no failures, version 0. */
    public static LoginProfile create(User user, String passwordHash, Instant now, boolean passwordResetRequired) {
        return new LoginProfile(user.accountId(), user.id(), user.name(), passwordHash, now, now,
                passwordResetRequired, 0, null, 0);
    }

    /** A new password: the age restarts, the reset flag is as given, failures and any lockout are forgotten. */
    public LoginProfile withPassword(String newHash, Instant now, boolean resetRequired) {
        return new LoginProfile(accountId, userId, userName, newHash, createDate, now, resetRequired, 0, null,
                version);
    }

    public LoginProfile withPasswordResetRequired(boolean resetRequired) {
        return new LoginProfile(accountId, userId, userName, passwordHash, createDate, passwordSetDate, resetRequired,
                failedAttempts, lockedUntil, version);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        return "LoginProfile[user=" + userName + " (" + userId + "), createDate=" + createDate + ", passwordSetDate="
                + passwordSetDate + ", passwordResetRequired=" + passwordResetRequired + ", failedAttempts="
                + failedAttempts + ", lockedUntil=" + lockedUntil + "]";
    }
}
