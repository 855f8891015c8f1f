package io.sigil.server.api.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.crypto.Base32;
import io.sigil.iam.crypto.Totp;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * The credential report's password and MFA columns (4 password_enabled, 5 password_last_used, 6
 * password_last_changed, 7 password_next_rotation, 8 mfa_active) after CreateLoginProfile, a sign-in,
 * UpdateAccountPasswordPolicy with MaxPasswordAge and EnableMFADevice (IAM User Guide, "Getting credential reports
 * for your AWS account" › "Understanding the report format"; spec §5.6, §10 H83). On a server of its own: the report
 * is the account's and reused for four hours.
 */
class CredentialReportLoginColumnsSdkTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static Instant before;
    private static Instant signedIn;
    private static List<String> header;
    private static List<String> rows;

    @BeforeAll
    static void start() {
        before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SIGIL.root().updateAccountPasswordPolicy(r -> r.maxPasswordAge(90).minimumPasswordLength(8));
        SIGIL.root().createUser(r -> r.userName("with-password"));
        SIGIL.root().createLoginProfile(r -> r.userName("with-password").password("Correct-Horse-1"));
        SIGIL.root().createUser(r -> r.userName("signed-in"));
        SIGIL.root().createLoginProfile(r -> r.userName("signed-in").password("Correct-Horse-2"));
        // A console sign-in is not an API call: record it as the sign-in path does (LoginProfileStore.recordSuccess).
        signedIn = Instant.parse("2026-01-02T03:04:05Z");
        var store = SIGIL.server().app().store();
        String signedInId = store.read(tx -> tx.users().get(SigilTestServer.ACCOUNT_ID, "signed-in")).id();
        store.write(tx -> tx.loginProfiles().recordSuccess(signedInId, signedIn));
        SIGIL.root().createUser(r -> r.userName("with-mfa"));
        VirtualMFADevice d = SIGIL.root().createVirtualMFADevice(r -> r.virtualMFADeviceName("with-mfa-device"))
                .virtualMFADevice();
        byte[] seed = Base32.decode(d.base32StringSeed().asUtf8String());
        long step = Totp.step(Instant.now());
        SIGIL.root().enableMFADevice(r -> r.userName("with-mfa").serialNumber(d.serialNumber())
                .authenticationCode1(Totp.code(seed, step - 1)).authenticationCode2(Totp.code(seed, step)));
        SIGIL.root().createUser(r -> r.userName("with-nothing"));
        SIGIL.root().generateCredentialReport();
        List<String> lines = List.of(SIGIL.root().getCredentialReport().content().asString(StandardCharsets.UTF_8)
                .split("\n"));
        header = List.of(lines.get(0).split(","));
        rows = lines.subList(1, lines.size());
    }

    private static String column(String user, String column) {
        String row = rows.stream().filter(l -> l.startsWith(user + ",")).findFirst().orElseThrow();
        return Arrays.asList(row.split(",", -1)).get(header.indexOf(column));
    }

    private static Instant time(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    @Test
    void aUserWithALoginProfile_hasPasswordEnabledTrue_lastChangedAtCreation_andNoInformationUntilItSignsIn() {
        assertThat(column("with-password", "password_enabled")).isEqualTo("TRUE");
        assertThat(column("with-password", "password_last_used")).isEqualTo("no_information");
        assertThat(time(column("with-password", "password_last_changed")))
                .isBetween(before, Instant.now().plusSeconds(1));
        assertThat(column("with-password", "password_last_changed")).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");
    }

    @Test
    void withMaxPasswordAge_passwordNextRotationIsTheLastChangePlusThatManyDays() {
        Instant changed = time(column("with-password", "password_last_changed"));
        assertThat(time(column("with-password", "password_next_rotation")))
                .isEqualTo(changed.plus(Duration.ofDays(90)));
    }

    @Test
    void aUserThatSignedIn_showsItsLastSignInAsPasswordLastUsed() {
        assertThat(column("signed-in", "password_last_used")).isEqualTo("2026-01-02T03:04:05+00:00");
    }

    @Test
    void aUserWithAnEnabledMfaDevice_hasMfaActiveTrue_andWithoutPasswordTheThreePasswordColumnsAreNotApplicable() {
        assertThat(column("with-mfa", "mfa_active")).isEqualTo("TRUE");
        assertThat(column("with-mfa", "password_enabled")).isEqualTo("FALSE");
        assertThat(column("with-mfa", "password_last_used")).isEqualTo("N/A");
        assertThat(column("with-mfa", "password_last_changed")).isEqualTo("N/A");
        assertThat(column("with-mfa", "password_next_rotation")).isEqualTo("N/A");
    }

    @Test
    void aUserWithNeither_isFalseNaNaNaFalse_andTheRootRowIsNotSupportedForPasswordColumns() {
        assertThat(List.of("password_enabled", "password_last_used", "password_last_changed",
                "password_next_rotation", "mfa_active").stream().map(c -> column("with-nothing", c)))
                .containsExactly("FALSE", "N/A", "N/A", "N/A", "FALSE");
        assertThat(column("with-password", "mfa_active")).isEqualTo("FALSE");
        assertThat(column("<root_account>", "password_enabled")).isEqualTo("not_supported");
        assertThat(column("<root_account>", "password_last_changed")).isEqualTo("not_supported");
        assertThat(column("<root_account>", "password_next_rotation")).isEqualTo("not_supported");
        assertThat(column("<root_account>", "mfa_active")).isEqualTo("FALSE");
    }
}
