package io.sigil.iam.service;

import io.sigil.iam.model.User;
import java.time.Instant;
import java.util.List;

/**
 * What {@link PasswordVerifier} decided about one console sign-in attempt. The sign-in page shows the same words
 * for every {@link Rejected} reason, as AWS's does, so that a guesser learns nothing; the reason is for the audit
 * log (CloudTrail's ConsoleLogin {@code errorMessage} is "Failed authentication" for all of them).
 */
public sealed interface SignInResult {

    /**
     * The password (and the MFA code, when the user has a device) is right.
     *
     * @param mustChangePassword the user must set a new password before going on: the reset flag is set, or the
     *     password has expired under a policy without HardExpiry
     * @param mfaAuthenticated whether an MFA code was checked, for aws:MultiFactorAuthPresent
     */
    record Success(User user, boolean mustChangePassword, boolean mfaAuthenticated) implements SignInResult {
    }

    /** The password is right and the user has MFA devices: ask for a code from one of them. */
    record MfaRequired(User user, List<String> serialNumbers) implements SignInResult {
        public MfaRequired {
            serialNumbers = List.copyOf(serialNumbers);
        }
    }

    /**
     * The password has expired under a policy with HardExpiry: "The IAM user cannot access the console until an
     * administrator resets the password."
     */
    record AdministratorResetRequired(User user) implements SignInResult {
    }

    /**
     * The attempt failed.
     *
     * @param lockedUntil when the reason is {@link Reason#LOCKED_OUT}, the end of the lock; otherwise null
     */
    record Rejected(Reason reason, Instant lockedUntil) implements SignInResult {
    }

    /** Why an attempt was rejected. */
    enum Reason {
        /** No such user, no login profile, or a wrong password: deliberately not told apart. */
        BAD_CREDENTIALS,
        /** A wrong, stale or replayed MFA code. */
        BAD_MFA_CODE,
        /** Too many consecutive failures ({@link LockoutPolicy}). */
        LOCKED_OUT
    }
}
