package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;

/**
 * CreateLoginProfile, GetLoginProfile, UpdateLoginProfile and DeleteLoginProfile through the AWS SDK for Java v2,
 * with AWS's typed errors and texts. The shared server has no custom password policy, so IAM's default one applies
 * (8 characters, three classes).
 */
class LoginProfilesSdkTest {

    private static final String STRONG = "Str0ng-Passw0rd!";
    private final SigilTestServer server = SharedServer.get();
    private final IamClient iam = server.rootIam();

    private String user(String prefix) {
        String name = prefix + SdkFixture.uniquePath().replace("/", "");
        iam.createUser(r -> r.userName(name));
        return name;
    }

    @Test
    void create_returnsTheProfileWithPasswordResetRequiredFalse_andGetReadsItBack() {
        String name = user("lp");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        LoginProfile created = iam.createLoginProfile(r -> r.userName(name).password(STRONG)).loginProfile();

        assertThat(created.userName()).isEqualTo(name);
        assertThat(created.passwordResetRequired()).isFalse();
        assertThat(created.createDate()).isAfterOrEqualTo(before);
        LoginProfile got = iam.getLoginProfile(r -> r.userName(name)).loginProfile();
        assertThat(got.userName()).isEqualTo(name);
        assertThat(got.createDate()).isEqualTo(created.createDate());
        assertThat(got.passwordResetRequired()).isFalse();
    }

    @Test
    void create_withPasswordResetRequired_isReportedByGet() {
        String name = user("lpreset");
        iam.createLoginProfile(r -> r.userName(name).password(STRONG).passwordResetRequired(true));

        assertThat(iam.getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired()).isTrue();
    }

    @Test
    void create_forAUserWhoHasOne_isEntityAlreadyExists() {
        String name = user("lpdup");
        iam.createLoginProfile(r -> r.userName(name).password(STRONG));

        awsError(() -> iam.createLoginProfile(r -> r.userName(name).password(STRONG)),
                EntityAlreadyExistsException.class, 409, "EntityAlreadyExists",
                "Login Profile for user " + name + " already exists.");
    }

    @Test
    void create_forAnUnknownUser_isNoSuchEntity() {
        awsError(() -> iam.createLoginProfile(r -> r.userName("nobody-lp").password(STRONG)),
                NoSuchEntityException.class, 404, "NoSuchEntity", "The user with name nobody-lp cannot be found.");
    }

    @Test
    void create_withAPasswordBreakingTheDefaultPolicy_isPasswordPolicyViolation() {
        String name = user("lpweak");

        awsError(() -> iam.createLoginProfile(r -> r.userName(name).password("password")),
                PasswordPolicyViolationException.class, 400, "PasswordPolicyViolation",
                "Password does not conform to the account password policy.");
        awsError(() -> iam.getLoginProfile(r -> r.userName(name)), NoSuchEntityException.class, 404, "NoSuchEntity",
                "Login Profile for User " + name + " cannot be found.");
    }

    @Test
    void create_withoutAPassword_isAValidationError() {
        String name = user("lpnopw");

        awsError(() -> iam.createLoginProfile(r -> r.userName(name)), IamException.class, 400, "ValidationError",
                "1 validation error detected: Value at 'password' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void create_withoutAUserName_byRoot_mustNameAUser() {
        awsError(() -> iam.createLoginProfile(r -> r.password(STRONG)), IamException.class, 400, "ValidationError",
                "Must specify userName when calling with non-User credentials");
        awsError(() -> iam.getLoginProfile(r -> { }), IamException.class, 400, "ValidationError",
                "Must specify userName when calling with non-User credentials");
    }

    @Test
    void create_withoutAUserName_byAnIamUser_createsItsOwn() {
        String name = user("lpself");
        try (IamClient self = signingAs(server, name, allow("iam:CreateLoginProfile", "iam:GetLoginProfile"))) {
            self.createLoginProfile(r -> r.password(STRONG));

            assertThat(self.getLoginProfile(r -> { }).loginProfile().userName()).isEqualTo(name);
        }
    }

    @Test
    void update_setsTheResetFlag_andAnUnknownProfileIsNoSuchEntity() {
        String name = user("lpupd");
        iam.createLoginProfile(r -> r.userName(name).password(STRONG));

        iam.updateLoginProfile(r -> r.userName(name).passwordResetRequired(true));
        assertThat(iam.getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired()).isTrue();
        iam.updateLoginProfile(r -> r.userName(name).password("An0ther-Passw0rd"));
        assertThat(iam.getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired())
                .as("a new password alone leaves the flag").isTrue();
        iam.updateLoginProfile(r -> r.userName(name).passwordResetRequired(false));
        assertThat(iam.getLoginProfile(r -> r.userName(name)).loginProfile().passwordResetRequired()).isFalse();

        String bare = user("lpupdnone");
        awsError(() -> iam.updateLoginProfile(r -> r.userName(bare).password(STRONG)), NoSuchEntityException.class,
                404, "NoSuchEntity", "Login Profile for User " + bare + " cannot be found.");
        awsError(() -> iam.updateLoginProfile(r -> r.userName(name).password("weak")),
                PasswordPolicyViolationException.class, 400, "PasswordPolicyViolation",
                "Password does not conform to the account password policy.");
    }

    @Test
    void delete_removesTheProfile_andASecondDeleteIsNoSuchEntity() {
        String name = user("lpdel");
        iam.createLoginProfile(r -> r.userName(name).password(STRONG));

        iam.deleteLoginProfile(r -> r.userName(name));

        awsError(() -> iam.getLoginProfile(r -> r.userName(name)), NoSuchEntityException.class, 404, "NoSuchEntity",
                "Login Profile for User " + name + " cannot be found.");
        awsError(() -> iam.deleteLoginProfile(r -> r.userName(name)), NoSuchEntityException.class, 404,
                "NoSuchEntity", "Login Profile for User " + name + " cannot be found.");
        awsError(() -> iam.deleteLoginProfile(r -> r.userName("nobody-lpdel")), NoSuchEntityException.class, 404,
                "NoSuchEntity", "The user with name nobody-lpdel cannot be found.");
    }

    @Test
    void deleteUser_withALoginProfile_isDeleteConflict_untilTheProfileIsDeleted() {
        String name = user("lpdeluser");
        iam.createLoginProfile(r -> r.userName(name).password(STRONG));

        awsError(() -> iam.deleteUser(r -> r.userName(name)), DeleteConflictException.class, 409, "DeleteConflict",
                "Cannot delete entity, must delete login profile first.");
        iam.deleteLoginProfile(r -> r.userName(name));
        iam.deleteUser(r -> r.userName(name));
    }

    @Test
    void renamedUser_keepsItsLoginProfile() {
        String name = user("lpren");
        iam.createLoginProfile(r -> r.userName(name).password(STRONG));

        iam.updateUser(r -> r.userName(name).newUserName(name + "-x"));

        assertThat(iam.getLoginProfile(r -> r.userName(name + "-x")).loginProfile().userName()).isEqualTo(name + "-x");
    }

    @Test
    void theDatabase_holdsNoPasswordInClear() throws Exception {
        String name = user("lpclear");
        String password = "Unique-Clear-Text-Passw0rd-" + name;
        iam.createLoginProfile(r -> r.userName(name).password(password));

        StringBuilder all = new StringBuilder();
        for (String suffix : new String[] {"", "-wal"}) {
            Path f = server.app().dataDir().resolve("sigil.db" + suffix);
            if (Files.exists(f)) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(all).contains(name).contains("$pbkdf2-sha256$v=1$i=310000$");
        assertThat(all.toString()).doesNotContain(password);
    }

    @Test
    void theAuditLog_hidesPasswords_asCloudTrailDoes() throws Exception {
        String name = user("lpaudit");
        String password = "Audit-Passw0rd-" + name;
        iam.createLoginProfile(r -> r.userName(name).password(password));

        String event = server.awaitAuditLine("\"userName\":\"" + name
                + "\",\"password\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"");
        assertThat(event).contains("CreateLoginProfile");
        try (var files = Files.list(server.app().dataDir().resolve("audit"))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).doesNotContain(password);
            }
        }
    }

    @Test
    void anIamUserWithoutPermission_isDeniedOnTheUserResource() {
        String name = user("lpdenied");
        try (IamClient self = signingAs(server, name, allow("iam:GetUser"))) {
            awsError(() -> self.createLoginProfile(r -> r.password(STRONG)), IamException.class, 403, "AccessDenied",
                    "User: arn:aws:iam::" + SdkFixture.ACCOUNT + ":user/" + name
                            + " is not authorized to perform: iam:CreateLoginProfile on resource: arn:aws:iam::"
                            + SdkFixture.ACCOUNT + ":user/" + name
                            + " because no identity-based policy allows the iam:CreateLoginProfile action");
        }
    }
}
