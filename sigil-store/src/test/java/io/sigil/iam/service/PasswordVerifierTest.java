package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Base32;
import io.sigil.iam.crypto.Pbkdf2Passwords;
import io.sigil.iam.crypto.Totp;
import io.sigil.iam.model.PasswordPolicy;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Console sign-in: passwords, lockout, MFA, expiry (spec §5.1, §5.3, §5.5; §10 H81, H82). */
class PasswordVerifierTest {

    private static final String PASSWORD = "Corr3ct-horse";

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private final MutableClock clock = new MutableClock(NOW);
    private final Pbkdf2Passwords hasher = new Pbkdf2Passwords(Pbkdf2Passwords.MIN_ITERATIONS);
    private LoginProfileService profiles;
    private MfaService mfa;
    private PasswordVerifier verifier;
    private User alice;

    @BeforeEach
    void setUp() {
        fx = new ServiceFixture(dir);
        profiles = new LoginProfileService(fx.store, clock, hasher, LockoutPolicy.DEFAULT);
        mfa = new MfaService(fx.store, clock);
        verifier = new PasswordVerifier(fx.store, clock, hasher, LockoutPolicy.DEFAULT, mfa);
        alice = fx.user("alice");
        profiles.create(root(), "alice", PASSWORD, false);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private SignInResult signIn(String password) {
        return verifier.verify(ACCOUNT, "alice", password, null);
    }

    @Test
    void rightPassword_signsIn_andRecordsThePasswordsLastUse() {
        assertThat(signIn(PASSWORD)).isEqualTo(new SignInResult.Success(alice, false, false));
        assertThat(fx.store.read(tx -> tx.users().get(ACCOUNT, "alice")).passwordLastUsed()).isEqualTo(NOW);
    }

    @Test
    void wrongPassword_unknownUser_andAUserWithoutALoginProfile_areAllBadCredentials() {
        fx.user("bob");
        SignInResult.Rejected bad = new SignInResult.Rejected(SignInResult.Reason.BAD_CREDENTIALS, null);

        assertThat(signIn("Wr0ng-horse")).isEqualTo(bad);
        assertThat(verifier.verify(ACCOUNT, "nobody", PASSWORD, null)).isEqualTo(bad);
        assertThat(verifier.verify(ACCOUNT, "bob", PASSWORD, null)).isEqualTo(bad);
    }

    @Test
    void fiveFailures_lockForFifteenMinutes_evenTheRightPassword_thenItWorksAgain() {
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("wrong-" + i)).isEqualTo(new SignInResult.Rejected(
                    SignInResult.Reason.BAD_CREDENTIALS, null));
        }
        assertThat(signIn("wrong-5")).isEqualTo(new SignInResult.Rejected(SignInResult.Reason.LOCKED_OUT,
                NOW.plus(Duration.ofMinutes(15))));

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(signIn(PASSWORD)).isInstanceOf(SignInResult.Rejected.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(PASSWORD)).isInstanceOf(SignInResult.Success.class);
    }

    @Test
    void aSuccess_clearsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            signIn("wrong");
        }
        assertThat(signIn(PASSWORD)).isInstanceOf(SignInResult.Success.class);
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("wrong")).isEqualTo(new SignInResult.Rejected(SignInResult.Reason.BAD_CREDENTIALS,
                    null));
        }
    }

    @Test
    void anAdministratorsNewPassword_liftsALockout() {
        for (int i = 0; i < 5; i++) {
            signIn("wrong");
        }
        profiles.update(ACCOUNT, "alice", "Res3t-by-admin", null);
        assertThat(signIn("Res3t-by-admin")).isInstanceOf(SignInResult.Success.class);
    }

    @Test
    void resetFlag_signsInButRequiresAChange() {
        profiles.update(ACCOUNT, "alice", null, true);
        assertThat(signIn(PASSWORD)).isEqualTo(new SignInResult.Success(alice, true, false));
    }

    /** Spec §10 H82: MaxPasswordAge 90, a 100-day-old password must be changed at next sign-in. */
    @Test
    void h82_expiredPassword_withoutHardExpiry_mustBeChangedAtSignIn() {
        clock.advance(Duration.ofDays(100));
        fx.store.write(tx -> tx.passwordPolicies().put(ACCOUNT, new PasswordPolicy(6, false, false, false, false,
                true, 90, 0, false)));
        assertThat(signIn(PASSWORD)).isEqualTo(new SignInResult.Success(alice, true, false));
    }

    /** Spec §10 H82: "HardExpiry — expired user cannot change own password" (at the console). */
    @Test
    void h82_expiredPassword_withHardExpiry_needsAnAdministrator() {
        fx.store.write(tx -> tx.passwordPolicies().put(ACCOUNT, new PasswordPolicy(6, false, false, false, false,
                true, 1, 0, true)));
        clock.advance(Duration.ofDays(1).minusSeconds(1));
        assertThat(signIn(PASSWORD)).isInstanceOf(SignInResult.Success.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(PASSWORD)).isInstanceOfSatisfying(SignInResult.AdministratorResetRequired.class,
                r -> assertThat(r.user().id()).isEqualTo(alice.id()));
    }

    @Test
    void withAnMfaDevice_thePasswordAloneAsksForACode_andTheCodeIsCheckedOnce() {
        MfaService.CreatedDevice d = mfa.create(ACCOUNT, "alice-phone", null, List.of());
        byte[] seed = Base32.decode(d.base32StringSeed());
        long now = Totp.step(clock.instant());
        mfa.enable(ACCOUNT, "alice", d.device().serialNumber(), Totp.code(seed, now - 1), Totp.code(seed, now));

        assertThat(signIn(PASSWORD)).isEqualTo(new SignInResult.MfaRequired(alice,
                List.of(d.device().serialNumber())));
        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(seed, now + 1);
        assertThat(verifier.verify(ACCOUNT, "alice", PASSWORD, code))
                .isEqualTo(new SignInResult.Success(alice, false, true));
        assertThat(verifier.verify(ACCOUNT, "alice", PASSWORD, code)).as("a code is accepted once")
                .isEqualTo(new SignInResult.Rejected(SignInResult.Reason.BAD_MFA_CODE, null));
        assertThat(verifier.verify(ACCOUNT, "alice", PASSWORD, "000000"))
                .isEqualTo(new SignInResult.Rejected(SignInResult.Reason.BAD_MFA_CODE, null));
    }

    @Test
    void aPasswordStoredWithFewerIterations_isRehashedAtSignIn() {
        PasswordVerifier stronger = new PasswordVerifier(fx.store, clock, new Pbkdf2Passwords(2_000),
                LockoutPolicy.DEFAULT, mfa);
        assertThat(stronger.verify(ACCOUNT, "alice", PASSWORD, null)).isInstanceOf(SignInResult.Success.class);
        String stored = fx.store.read(tx -> tx.loginProfiles().find(alice.id())).orElseThrow().passwordHash();
        assertThat(Pbkdf2Passwords.parse(stored).iterations()).isEqualTo(2_000);
        assertThat(stronger.verify(ACCOUNT, "alice", PASSWORD, null)).isInstanceOf(SignInResult.Success.class);
    }
}
