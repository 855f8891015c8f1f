package io.sigil.iam.service;

import io.sigil.iam.crypto.Pbkdf2Passwords;
import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.model.User;
import io.sigil.iam.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Console sign-in with a user name, a password and, for a user with MFA devices, a code (IAM User Guide, "How IAM
 * users sign in"; spec §5.3, §5.5): ready for the console that comes later, which calls {@link #verify} once per
 * form submission.
 *
 * <p>Rules: a user without a login profile cannot sign in; a wrong password, a wrong MFA code and an unknown user
 * are all {@link SignInResult.Rejected}, and an unknown user costs the same PBKDF2 derivation as a known one, so
 * neither the answer nor its time tells whether the user exists. {@link LockoutPolicy}: after 5 consecutive
 * failures (passwords or codes) the profile is locked for 15 minutes, during which even the right password is
 * rejected. A password older than the policy's MaxPasswordAge must be changed at sign-in, or, under HardExpiry,
 * reset by an administrator. A success clears the failures, records the password's last use, and rehashes a
 * password stored with fewer iterations than the current count.
 */
public final class PasswordVerifier {

    private final Store store;
    private final Clock clock;
    private final Pbkdf2Passwords hasher;
    private final LockoutPolicy lockout;
    private final MfaService mfa;
    private final String dummyHash;

    public PasswordVerifier(Store store, Clock clock, Pbkdf2Passwords hasher, LockoutPolicy lockout, MfaService mfa) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.mfa = Objects.requireNonNull(mfa, "mfa");
        this.dummyHash = hasher.hash("sigil-dummy-password-for-unknown-users");
    }

    /**
     * One attempt.
     *
     * @param mfaCode null on the first page; the code from one of the user's devices on the second
     */
    public SignInResult verify(String accountId, String userName, String password, String mfaCode) {
        Instant now = clock.instant();
        Optional<Candidate> found = store.read(tx -> tx.users().find(accountId, userName).flatMap(u ->
                tx.loginProfiles().find(u.id()).map(p -> new Candidate(u, p,
                        tx.passwordPolicies().find(accountId).orElse(null)))));
        if (found.isEmpty()) {
            hasher.verify(password, dummyHash);
            return new SignInResult.Rejected(SignInResult.Reason.BAD_CREDENTIALS, null);
        }
        Candidate c = found.get();
        if (c.profile().isLocked(now)) {
            return new SignInResult.Rejected(SignInResult.Reason.LOCKED_OUT, c.profile().lockedUntil());
        }
        if (!hasher.verify(password, c.profile().passwordHash())) {
            return fail(c, now, SignInResult.Reason.BAD_CREDENTIALS);
        }
        List<String> devices = mfa.serialNumbersOf(accountId, c.user().id());
        boolean mfaChecked = false;
        if (!devices.isEmpty()) {
            if (mfaCode == null) {
                return new SignInResult.MfaRequired(c.user(), devices);
            }
            mfaChecked = devices.stream().anyMatch(s -> mfa.verify(accountId, c.user().id(), s, mfaCode));
            if (!mfaChecked) {
                return fail(c, now, SignInResult.Reason.BAD_MFA_CODE);
            }
        }
        boolean expired = LoginProfileService.isExpired(c.profile(), c.policy(), now);
        if (expired && c.policy().isHardExpiry()) {
            return new SignInResult.AdministratorResetRequired(c.user());
        }
        succeed(c, password, now);
        return new SignInResult.Success(c.user(), expired || c.profile().passwordResetRequired(), mfaChecked);
    }

    private SignInResult fail(Candidate c, Instant now, SignInResult.Reason reason) {
        Instant until = store.inTransaction(tx -> {
            LoginProfile p = tx.loginProfiles().lock(c.user().id()).orElse(c.profile());
            int failures = p.failedAttempts() + 1;
            Instant lockedUntil = failures >= lockout.maxFailures() ? now.plus(lockout.duration()) : null;
            tx.loginProfiles().recordFailure(p.userId(), failures, lockedUntil);
            return lockedUntil;
        });
        return until == null ? new SignInResult.Rejected(reason, null)
                : new SignInResult.Rejected(SignInResult.Reason.LOCKED_OUT, until);
    }

    private void succeed(Candidate c, String password, Instant now) {
        store.write(tx -> {
            tx.loginProfiles().recordSuccess(c.user().id(), now);
            if (hasher.needsRehash(c.profile().passwordHash())) {
                tx.loginProfiles().lock(c.user().id()).ifPresent(p -> tx.loginProfiles().update(
                        p.withPassword(hasher.hash(password), p.passwordSetDate(), p.passwordResetRequired())));
            }
        });
    }

    private record Candidate(User user, LoginProfile profile, PasswordPolicy policy) {
    }
}
