package io.sigil.iam.service;

import io.sigil.iam.model.User;
import java.time.Instant;
import java.util.Optional;

/**
 * What the credential report needs to know about console passwords and MFA devices, which other API areas own
 * (CreateLoginProfile, EnableMFADevice). The server reads them from the store ({@link StoredLoginFacts}); {@link #NONE}
 * reports no password and no MFA for every user, which is what the report says of a user who has neither.
 */
public interface LoginFacts {

    /**
     * A user's console password.
     *
     * @param lastUsed null if never used
     * @param nextRotation null without a password policy that expires passwords
     */
    record Password(Instant lastChanged, Instant lastUsed, Instant nextRotation) {
    }

    /** The user's password, or empty when the user has none. */
    Optional<Password> password(String accountId, User user);

    /** Whether an MFA device is enabled for the user ({@code userId} null: the root user). */
    boolean mfaActive(String accountId, String userId);

    /** When the root user last signed in with its password, or null. */
    Instant rootPasswordLastUsed(String accountId);

    LoginFacts NONE = new LoginFacts() {
        @Override
        public Optional<Password> password(String accountId, User user) {
            return Optional.empty();
        }

        @Override
        public boolean mfaActive(String accountId, String userId) {
            return false;
        }

        @Override
        public Instant rootPasswordLastUsed(String accountId) {
            return null;
        }
    };
}
