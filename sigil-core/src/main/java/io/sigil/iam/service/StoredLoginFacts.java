package io.sigil.iam.service;

import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential report's password and MFA columns read from the store, in the report's own transaction (IAM User
 * Guide, "Getting credential reports for your AWS account" › "Understanding the report format"; spec §5.6, §10 H83):
 * <ul>
 *   <li>{@code password_enabled}: the user has a login profile (CreateLoginProfile);</li>
 *   <li>{@code password_last_used}: the user's last sign-in with the password ({@code PasswordLastUsed}), if any;</li>
 *   <li>{@code password_last_changed}: "the date and time when the user's password was last set";</li>
 *   <li>{@code password_next_rotation}: "when the account has a password policy that requires password rotation,
 *       ... when the user is required to set a new password": the last change plus MaxPasswordAge days;</li>
 *   <li>{@code mfa_active}: "when a MFA device has been enabled for the user" (EnableMFADevice).</li>
 * </ul>
 * The root user has no console password or MFA device in Sigil (both are console-only for root).
 */
final class StoredLoginFacts implements LoginFacts {

    private final Tx tx;
    private Optional<PasswordPolicy> policy;

    StoredLoginFacts(Tx tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public Optional<Password> password(String accountId, User user) {
        Optional<LoginProfile> profile = tx.loginProfiles().find(user.id());
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Instant set = profile.get().passwordSetDate();
        return Optional.of(new Password(set, user.passwordLastUsed(), nextRotation(accountId, set)));
    }

    @Override
    public boolean mfaActive(String accountId, String userId) {
        return userId != null && tx.mfaDevices().countForUser(userId) > 0;
    }

    @Override
    public Instant rootPasswordLastUsed(String accountId) {
        return null;
    }

    private Instant nextRotation(String accountId, Instant passwordSet) {
        if (policy == null) {
            policy = tx.passwordPolicies().find(accountId);
        }
        return policy.filter(PasswordPolicy::expirePasswords)
                .map(p -> passwordSet.plus(Duration.ofDays(p.maxPasswordAge())))
                .orElse(null);
    }
}
