package io.sigil.iam.store;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.LoginProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Console passwords (spec §5.3) and the history of each user's password hashes, which PasswordReusePrevention
 * is checked against (spec §5.1). Everything is keyed by the user's unique id; the history outlives a deleted login
 * profile and goes with the user.
 */
public interface LoginProfileStore {

    /** The most previous passwords that can be remembered ("PasswordReusePrevention" is at most 24). */
    int HISTORY_SIZE = 24;

    /**
     * Inserts {@code profile} after locking its user.
     *
     * @throws IamException NoSuchEntity if the user is gone; EntityAlreadyExists "Login Profile for user X already
     *     exists." ("Login profiles per user: 1")
     */
    LoginProfile create(LoginProfile profile);

    Optional<LoginProfile> find(String userId);

    /** Reads the profile and locks its row until the transaction ends. */
    Optional<LoginProfile> lock(String userId);

    /**
     * Writes hash, dates and the reset flag of {@code changed} if the row still has its version.
     *
     * @throws IamException ConcurrentModification if the row changed since it was read
     */
    LoginProfile update(LoginProfile changed);

    /** @return whether a profile was there to delete */
    boolean delete(String userId);

    /** Counts a failed sign-in; {@code lockedUntil} null leaves the profile unlocked. Publishes no event. */
    void recordFailure(String userId, int failedAttempts, Instant lockedUntil);

    /** A successful sign-in: clears failures and lockout and sets the user's password-last-used date. */
    void recordSuccess(String userId, Instant when);

    /** The user's remembered password hashes, newest first, at most {@code limit}. */
    List<String> history(String userId, int limit);

    /** Remembers a password hash as the newest; keeps the {@link #HISTORY_SIZE} newest. */
    void remember(String userId, String passwordHash, Instant setDate);

    static IamException noSuchLoginProfile(String userName) {
        return IamException.noSuchEntity("Login Profile for User " + userName + " cannot be found.");
    }
}
