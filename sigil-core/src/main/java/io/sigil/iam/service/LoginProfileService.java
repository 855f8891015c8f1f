package io.sigil.iam.service;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.crypto.Pbkdf2Passwords;
import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.model.User;
import io.sigil.iam.store.LoginProfileStore;
import io.sigil.iam.store.Store;
import io.sigil.iam.store.Tx;
import io.sigil.iam.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Console passwords: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile and ChangePassword
 * (IAM API Reference, those actions; spec §5.1, §5.3). Every password set is checked against the account's
 * password policy ({@link PasswordRules}) and, when PasswordReusePrevention is set, against the user's remembered
 * hashes; passwords are stored only as PBKDF2 hashes.
 *
 * <p>Errors, with AWS's words where AWS's are known: NoSuchEntity "Login Profile for User X cannot be found.";
 * EntityAlreadyExists "Login Profile for user X already exists."; PasswordPolicyViolation "Password does not
 * conform to the account password policy."; ValidationError "Must specify userName when calling with non-User
 * credentials" when the root user omits the user name (IAM allows that only to an AssumeRoot session, which Sigil
 * does not issue), and a role session or federated user does likewise. ChangePassword answers InvalidUserType for
 * a caller that is not an IAM user (root, role session, federated user), AccessDenied "The
 * old password is incorrect." (Sigil's text: IAM documents no error for it) and EntityTemporarilyUnmodifiable
 * while the profile is locked out ({@link LockoutPolicy}).
 */
public final class LoginProfileService {

    static final String NON_USER_CREDENTIALS = "Must specify userName when calling with non-User credentials";
    static final String WRONG_OLD_PASSWORD = "The old password is incorrect.";
    static final String INVALID_USER_TYPE =
            "The request was rejected because the type of user for the transaction was incorrect.";

    private final Store store;
    private final Clock clock;
    private final Pbkdf2Passwords hasher;
    private final LockoutPolicy lockout;

    public LoginProfileService(Store store, Clock clock, Pbkdf2Passwords hasher, LockoutPolicy lockout) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
    }

    /**
     * CreateLoginProfile.
     *
     * @param userName null for the caller ("If no user name is included, it defaults to the principal making the
     *     request")
     */
    public LoginProfile create(Principal caller, String userName, String password, boolean passwordResetRequired) {
        if (password == null) {
            // IAM names no value, not even null (see the server's RequestValidator.quotesValues)
            throw IamException.validationError("1 validation error detected: Value at 'password' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        return store.inTransaction(tx -> {
            User user = lockedUser(tx, caller, userName);
            if (tx.loginProfiles().find(user.id()).isPresent()) {
                throw alreadyExists(user.name());
            }
            String hash = checkedHash(tx, user, password);
            return tx.loginProfiles().create(LoginProfile.create(user, hash, now(), passwordResetRequired));
        });
    }

    /**
     * GetLoginProfile. {@code PasswordResetRequired} is true while the flag is set and also once the password is
     * older than the policy's MaxPasswordAge: "the expiration period applies immediately" (spec §5.1).
     */
    public LoginProfile get(Principal caller, String userName) {
        return store.read(tx -> {
            User user = user(tx, caller, userName);
            LoginProfile p = tx.loginProfiles().find(user.id())
                    .orElseThrow(() -> LoginProfileStore.noSuchLoginProfile(user.name()));
            PasswordPolicy policy = tx.passwordPolicies().find(user.accountId()).orElse(null);
            return p.withPasswordResetRequired(p.passwordResetRequired() || isExpired(p, policy, clock.instant()));
        });
    }

    /**
     * UpdateLoginProfile: a new password (checked against the policy; the age restarts; failures and lockout are
     * cleared) and/or a new PasswordResetRequired; a member not given is left as it is.
     */
    public void update(String accountId, String userName, String password, Boolean passwordResetRequired) {
        store.write(tx -> {
            User user = tx.users().lock(accountId, userName);
            LoginProfile p = tx.loginProfiles().lock(user.id())
                    .orElseThrow(() -> LoginProfileStore.noSuchLoginProfile(user.name()));
            boolean reset = passwordResetRequired == null ? p.passwordResetRequired() : passwordResetRequired;
            LoginProfile changed = password == null ? p.withPasswordResetRequired(reset)
                    : p.withPassword(checkedHash(tx, user, password), now(), reset);
            tx.loginProfiles().update(changed);
        });
    }

    /** DeleteLoginProfile: console access ends; access keys are untouched; the password history stays. */
    public void delete(Principal caller, String userName) {
        store.write(tx -> {
            User user = lockedUser(tx, caller, userName);
            if (!tx.loginProfiles().delete(user.id())) {
                throw LoginProfileStore.noSuchLoginProfile(user.name());
            }
        });
    }

    /**
     * ChangePassword: the calling IAM user's own password, after its current one is checked. Allowed also when the
     * password has expired under HardExpiry: "IAM users with iam:ChangePassword permission and active access keys
     * can reset their own expired console password using the CLI or API" (API Reference, "PasswordPolicy" ›
     * HardExpiry); HardExpiry stops only the console ({@link PasswordVerifier}). A wrong old password counts
     * towards the lockout like a failed sign-in, and the count survives the error.
     */
    public void changePassword(Principal caller, String oldPassword, String newPassword) {
        if (!caller.isIamUser()) {
            throw new IamException(ErrorCode.INVALID_USER_TYPE, INVALID_USER_TYPE);
        }
        Instant now = clock.instant();
        Outcome outcome = store.inTransaction(tx -> {
            User user = tx.users().findById(caller.user().id())
                    .orElseThrow(() -> UserStore.noSuchUser(caller.user().name()));
            LoginProfile p = tx.loginProfiles().lock(user.id())
                    .orElseThrow(() -> LoginProfileStore.noSuchLoginProfile(user.name()));
            if (p.isLocked(now)) {
                return Outcome.locked(p.lockedUntil());
            }
            if (!hasher.verify(oldPassword, p.passwordHash())) {
                int failures = p.failedAttempts() + 1;
                Instant until = failures >= lockout.maxFailures() ? now.plus(lockout.duration()) : null;
                tx.loginProfiles().recordFailure(user.id(), failures, until);
                return Outcome.WRONG_PASSWORD;
            }
            tx.loginProfiles().update(p.withPassword(checkedHash(tx, user, newPassword), truncated(now), false));
            return Outcome.CHANGED;
        });
        outcome.raise(caller.user().name());
    }

    /** Whether the password of {@code p} has outlived the policy's MaxPasswordAge at {@code now}. */
    public static boolean isExpired(LoginProfile p, PasswordPolicy policy, Instant now) {
        return policy != null && policy.expirePasswords()
                && !now.isBefore(p.passwordSetDate().plus(Duration.ofDays(policy.maxPasswordAge())));
    }

    /** Checks {@code password} against the policy and the history, remembers it and returns its hash. */
    String checkedHash(Tx tx, User user, String password) {
        PasswordPolicy policy = tx.passwordPolicies().find(user.accountId()).orElse(null);
        PasswordRules.requireConforming(password, policy, tx.accounts().get(user.accountId()));
        List<String> history = tx.loginProfiles().history(user.id(), LoginProfileStore.HISTORY_SIZE);
        PasswordHistory candidate = new PasswordHistory(hasher, password);
        int remembered = policy == null ? 0 : policy.passwordReusePrevention();
        if (remembered > 0 && candidate.isIn(history.subList(0, Math.min(remembered, history.size())))) {
            throw PasswordRules.violation();
        }
        tx.loginProfiles().remember(user.id(), candidate.entry(history), now());
        return hasher.hash(password);
    }

    /** The named user, or the calling IAM user; the root user, a role session or a federated user must name one. */
    private static User user(Tx tx, Principal caller, String userName) {
        if (userName != null) {
            return tx.users().get(caller.accountId(), userName);
        }
        return self(tx, caller);
    }

    private static User lockedUser(Tx tx, Principal caller, String userName) {
        User user = user(tx, caller, userName);
        return tx.users().lock(user.accountId(), user.name());
    }

    static User self(Tx tx, Principal caller) {
        if (!caller.isIamUser()) {
            throw IamException.validationError(NON_USER_CREDENTIALS);
        }
        return tx.users().findById(caller.user().id()).orElseThrow(() -> UserStore.noSuchUser(caller.user().name()));
    }

    private static IamException alreadyExists(String userName) {
        return IamException.entityAlreadyExists("Login Profile for user " + userName + " already exists.");
    }

    private Instant now() {
        return truncated(clock.instant());
    }

    private static Instant truncated(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    /** What a ChangePassword transaction decided; errors are raised after it commits, so failures are counted. */
    private record Outcome(int kind, Instant lockedUntil) {
        static final Outcome CHANGED = new Outcome(0, null);
        static final Outcome WRONG_PASSWORD = new Outcome(1, null);

        static Outcome locked(Instant until) {
            return new Outcome(2, until);
        }

        void raise(String userName) {
            if (kind == 1) {
                throw IamException.accessDenied(WRONG_OLD_PASSWORD);
            }
            if (kind == 2) {
                throw new IamException(ErrorCode.ENTITY_TEMPORARILY_UNMODIFIABLE, "The login profile of user "
                        + userName + " is locked after repeated failed attempts; try again after " + lockedUntil
                        + ".");
            }
        }
    }
}
