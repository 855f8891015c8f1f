package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.model.LoginProfile;
import io.sigil.iam.model.User;
import io.sigil.server.testing.ServerPerClass;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityTemporarilyUnmodifiableException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidUserTypeException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;

/**
 * The account password policy operations and ChangePassword through the SDK (spec §5.1, §10 H82). The policy is
 * account-wide, so these tests run on a server of their own and leave no policy behind.
 */
class PasswordPolicySdkTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static int users;

    @AfterEach
    void noPolicyLeft() {
        try {
            SIGIL.root().deleteAccountPasswordPolicy();
        } catch (NoSuchEntityException ignored) {
            // already none
        }
    }

    private static String userWithPassword(String password) {
        String name = "pp" + (++users);
        SIGIL.root().createUser(r -> r.userName(name));
        SIGIL.root().createLoginProfile(r -> r.userName(name).password(password));
        return name;
    }

    @Test
    void get_withoutAPolicy_isNoSuchEntityNamingTheAccount_andDeleteHasItsOwnText() {
        awsError(() -> SIGIL.root().getAccountPasswordPolicy(), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The Password Policy with domain name " + SdkFixture.ACCOUNT + " cannot be found.");
        awsError(() -> SIGIL.root().deleteAccountPasswordPolicy(), NoSuchEntityException.class, 404, "NoSuchEntity",
                "The account policy with name PasswordPolicy cannot be found.");
    }

    @Test
    void update_withNoParameters_storesTheDefaults_withoutMaxAgeReuseOrHardExpiry() {
        SIGIL.root().updateAccountPasswordPolicy(r -> { });

        PasswordPolicy p = SIGIL.root().getAccountPasswordPolicy().passwordPolicy();
        assertThat(p.minimumPasswordLength()).isEqualTo(6);
        assertThat(p.requireSymbols()).isFalse();
        assertThat(p.requireNumbers()).isFalse();
        assertThat(p.requireUppercaseCharacters()).isFalse();
        assertThat(p.requireLowercaseCharacters()).isFalse();
        assertThat(p.allowUsersToChangePassword()).isFalse();
        assertThat(p.expirePasswords()).isFalse();
        assertThat(p.maxPasswordAge()).isNull();
        assertThat(p.passwordReusePrevention()).isNull();
        assertThat(p.hardExpiry()).isNull();
    }

    @Test
    void update_withEveryField_isReadBackWhole_andAnotherUpdateReplacesIt() {
        SIGIL.root().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(10).requireSymbols(true)
                .requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true).allowUsersToChangePassword(true)
                .maxPasswordAge(60).passwordReusePrevention(3).hardExpiry(true));

        PasswordPolicy p = SIGIL.root().getAccountPasswordPolicy().passwordPolicy();
        assertThat(p).isEqualTo(PasswordPolicy.builder().minimumPasswordLength(10).requireSymbols(true)
                .requireNumbers(true).requireUppercaseCharacters(true).requireLowercaseCharacters(true)
                .allowUsersToChangePassword(true).expirePasswords(true).maxPasswordAge(60)
                .passwordReusePrevention(3).hardExpiry(true).build());

        SIGIL.root().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(7));
        PasswordPolicy replaced = SIGIL.root().getAccountPasswordPolicy().passwordPolicy();
        assertThat(replaced.minimumPasswordLength()).isEqualTo(7);
        assertThat(replaced.requireSymbols()).as("no partial updates").isFalse();
        assertThat(replaced.maxPasswordAge()).isNull();
    }

    @Test
    void update_outOfRange_isValidationErrorForEachMember() {
        for (int bad : new int[] {5, 129}) {
            IamException e = awsError(() -> SIGIL.root().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(bad)),
                    IamException.class, 400, "ValidationError", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains("'minimumPasswordLength'");
        }
        for (int bad : new int[] {0, 1096}) {
            IamException e = awsError(() -> SIGIL.root().updateAccountPasswordPolicy(r -> r.maxPasswordAge(bad)),
                    IamException.class, 400, "ValidationError", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains("'maxPasswordAge'");
        }
        for (int bad : new int[] {0, 25}) {
            IamException e = awsError(() -> SIGIL.root()
                    .updateAccountPasswordPolicy(r -> r.passwordReusePrevention(bad)),
                    IamException.class, 400, "ValidationError", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains("'passwordReusePrevention'");
        }
        SIGIL.root().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(128).maxPasswordAge(1095)
                .passwordReusePrevention(24));
        PasswordPolicy top = SIGIL.root().getAccountPasswordPolicy().passwordPolicy();
        assertThat(top.maxPasswordAge()).isEqualTo(1095);
        assertThat(top.passwordReusePrevention()).isEqualTo(24);
    }

    @Test
    void delete_removesThePolicy() {
        SIGIL.root().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(9));
        SIGIL.root().deleteAccountPasswordPolicy();
        awsError(() -> SIGIL.root().getAccountPasswordPolicy(), NoSuchEntityException.class, 404, "NoSuchEntity", null);
    }

    /** Spec §10 H82: "set min length 12 — existing 8-char password still works until change". */
    @Test
    void h82_minimumLength12_appliesAtTheNextChange_notToTheExistingPassword() {
        String name = userWithPassword("Abcdef1!");
        SIGIL.root().updateAccountPasswordPolicy(r -> r.minimumPasswordLength(12));
        try (IamClient self = signingAs(SIGIL.server(), name, allow("iam:ChangePassword"))) {
            awsError(() -> self.changePassword(r -> r.oldPassword("Abcdef1!").newPassword("Abcdefgh1!")),
                    PasswordPolicyViolationException.class, 400, "PasswordPolicyViolation",
                    "Password does not conform to the account password policy.");
            self.changePassword(r -> r.oldPassword("Abcdef1!").newPassword("Abcdefghij1!"));
        }
    }

    /** Spec §10 H82: "PasswordReusePrevention 3 — reusing one of last 3 fails". */
    @Test
    void h82_reusePrevention3_refusesTheLastThree_andAllowsTheFourth() {
        SIGIL.root().updateAccountPasswordPolicy(r -> r.passwordReusePrevention(3));
        String name = userWithPassword("pw-one-1");
        SIGIL.root().updateLoginProfile(r -> r.userName(name).password("pw-two-2"));
        SIGIL.root().updateLoginProfile(r -> r.userName(name).password("pw-three-3"));

        for (String reused : new String[] {"pw-one-1", "pw-two-2", "pw-three-3"}) {
            awsError(() -> SIGIL.root().updateLoginProfile(r -> r.userName(name).password(reused)),
                    PasswordPolicyViolationException.class, 400, "PasswordPolicyViolation",
                    "Password does not conform to the account password policy.");
        }
        SIGIL.root().updateLoginProfile(r -> r.userName(name).password("pw-four-4"));
        SIGIL.root().updateLoginProfile(r -> r.userName(name).password("pw-one-1"));
    }

    /** Spec §10 H82: "set MaxPasswordAge 90 — user whose password is 100 days old must change at next sign-in". */
    @Test
    void h82_maxPasswordAge90_makesAHundredDayOldPasswordRequireAReset_andAChangeClearsIt() {
        String name = userWithPassword("Old-passw0rd");
        ageThePassword(name, Duration.ofDays(100));
        assertThat(SIGIL.root().getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired())
                .isFalse();

        SIGIL.root().updateAccountPasswordPolicy(r -> r.maxPasswordAge(90));
        assertThat(SIGIL.root().getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired()).isTrue();

        try (IamClient self = signingAs(SIGIL.server(), name, allow("iam:ChangePassword"))) {
            self.changePassword(r -> r.oldPassword("Old-passw0rd").newPassword("New-passw0rd"));
        }
        assertThat(SIGIL.root().getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired())
                .isFalse();
    }

    /**
     * HardExpiry stops the console only: "IAM users with iam:ChangePassword permission and active access keys can
     * reset their own expired console password using the CLI or API" (API Reference, "PasswordPolicy"). The console
     * side of spec §10 H82 ("expired user cannot change own password") is PasswordVerifier's.
     */
    @Test
    void hardExpiry_stillLetsTheApiChangeAnExpiredPassword() {
        String name = userWithPassword("Old-passw0rd");
        SIGIL.root().updateAccountPasswordPolicy(r -> r.maxPasswordAge(1).hardExpiry(true));
        ageThePassword(name, Duration.ofDays(2));
        try (IamClient self = signingAs(SIGIL.server(), name, allow("iam:ChangePassword"))) {
            self.changePassword(r -> r.oldPassword("Old-passw0rd").newPassword("New-passw0rd"));
        }
    }

    @Test
    void changePassword_errors_rootWrongOldPasswordNoProfileAndLockout() {
        awsError(() -> SIGIL.root().changePassword(r -> r.oldPassword("a").newPassword("b")),
                InvalidUserTypeException.class,
                400, "InvalidUserType",
                "The request was rejected because the type of user for the transaction was incorrect.");

        String bare = "ppbare" + (++users);
        SIGIL.root().createUser(r -> r.userName(bare));
        try (IamClient self = signingAs(SIGIL.server(), bare, allow("iam:ChangePassword"))) {
            awsError(() -> self.changePassword(r -> r.oldPassword("x").newPassword("Abcdefg1!")),
                    NoSuchEntityException.class, 404, "NoSuchEntity",
                    "Login Profile for User " + bare + " cannot be found.");
        }

        String name = userWithPassword("Right-passw0rd");
        try (IamClient self = signingAs(SIGIL.server(), name, allow("iam:ChangePassword"))) {
            for (int i = 0; i < 5; i++) {
                awsError(() -> self.changePassword(r -> r.oldPassword("Wrong-passw0rd").newPassword("N3w-passw0rd")),
                        IamException.class, 403, "AccessDenied", "The old password is incorrect.");
            }
            EntityTemporarilyUnmodifiableException locked = awsError(() -> self.changePassword(
                    r -> r.oldPassword("Right-passw0rd").newPassword("N3w-passw0rd")),
                    EntityTemporarilyUnmodifiableException.class, 409, "EntityTemporarilyUnmodifiable", null);
            assertThat(locked.awsErrorDetails().errorMessage()).startsWith("The login profile of user " + name
                    + " is locked after repeated failed attempts; try again after ");
        }
        SIGIL.root().updateLoginProfile(r -> r.userName(name).password("Reset-by-admin1"));
        try (IamClient self = signingAs(SIGIL.server(), name, allow("iam:ChangePassword"))) {
            self.changePassword(r -> r.oldPassword("Reset-by-admin1").newPassword("N3w-passw0rd"));
        }
    }

    @Test
    void allowUsersToChangePassword_grantsChangePasswordAndGetAccountPasswordPolicy_toEveryUser() {
        String name = userWithPassword("Start-passw0rd");
        try (IamClient self = signingAs(SIGIL.server(), name, allow("iam:GetUser"))) {
            SIGIL.root().updateAccountPasswordPolicy(r -> r.allowUsersToChangePassword(false));
            awsError(() -> self.getAccountPasswordPolicy(), IamException.class, 403, "AccessDenied", null);
            awsError(() -> self.changePassword(r -> r.oldPassword("Start-passw0rd").newPassword("Next-passw0rd1")),
                    IamException.class, 403, "AccessDenied", null);

            SIGIL.root().updateAccountPasswordPolicy(r -> r.allowUsersToChangePassword(true));
            assertThat(self.getAccountPasswordPolicy().passwordPolicy().allowUsersToChangePassword()).isTrue();
            self.changePassword(r -> r.oldPassword("Start-passw0rd").newPassword("Next-passw0rd1"));
            awsError(() -> self.updateAccountPasswordPolicy(r -> { }), IamException.class, 403, "AccessDenied",
                    "User: arn:aws:iam::" + SdkFixture.ACCOUNT + ":user/" + name + " is not authorized to perform: "
                            + "iam:UpdateAccountPasswordPolicy on resource: * because no identity-based policy "
                            + "allows the iam:UpdateAccountPasswordPolicy action");
        }
    }

    @Test
    void allowUsersToChangePassword_doesNotOverrideAnExplicitDeny() {
        String name = userWithPassword("Start-passw0rd");
        SIGIL.root().updateAccountPasswordPolicy(r -> r.allowUsersToChangePassword(true));
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":"
                + "\"iam:ChangePassword\",\"Resource\":\"*\"}]}";
        try (IamClient self = signingAs(SIGIL.server(), name, deny)) {
            awsError(() -> self.changePassword(r -> r.oldPassword("Start-passw0rd").newPassword("Next-passw0rd1")),
                    IamException.class, 403, "AccessDenied", null);
        }
    }

    private static void ageThePassword(String name, Duration age) {
        var store = SIGIL.server().app().store();
        User u = store.read(tx -> tx.users().get(SdkFixture.ACCOUNT, name));
        store.write(tx -> {
            LoginProfile p = tx.loginProfiles().lock(u.id()).orElseThrow();
            Instant old = p.passwordSetDate().minus(age);
            tx.loginProfiles().update(p.withPassword(p.passwordHash(), old, p.passwordResetRequired()));
        });
    }
}
