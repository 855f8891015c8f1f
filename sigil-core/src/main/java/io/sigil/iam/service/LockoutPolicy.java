package io.sigil.iam.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Lockout against password guessing. IAM has none ("no lockout-after-N-failures option", spec §5.1, which
 * recommends MFA instead); Sigil adds one because its sign-in and ChangePassword's old-password check would
 * otherwise be an unlimited guessing oracle. After {@code maxFailures} consecutive failures the login profile is
 * locked for {@code duration}: every attempt, right or wrong, is refused until then; a success clears the count,
 * and so does an administrator setting a new password.
 *
 * @param maxFailures consecutive failures that lock, default 5
 * @param duration how long a lock lasts, default 15 minutes
 */
public record LockoutPolicy(int maxFailures, Duration duration) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        Objects.requireNonNull(duration, "duration");
        if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
    }
}
