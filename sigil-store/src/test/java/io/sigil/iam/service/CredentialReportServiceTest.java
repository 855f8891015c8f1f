package io.sigil.iam.service;

import static io.sigil.iam.service.ServiceFixture.ACCOUNT;
import static io.sigil.iam.service.ServiceFixture.NOW;
import static io.sigil.iam.service.ServiceFixture.assertIamError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.iam.Ids;
import io.sigil.iam.model.AccessKey;
import io.sigil.iam.model.AccessKeyLastUsed;
import io.sigil.iam.model.AccessKeyStatus;
import io.sigil.iam.model.CredentialReport;
import io.sigil.iam.model.SigningCertificate;
import io.sigil.iam.model.User;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential report on SQLite with a clock the test moves (spec §5.6, §10 H83). */
class CredentialReportServiceTest {

    /** A clock the test sets. */
    private static final class TestClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;
    private ServiceFixture f;
    private final TestClock clock = new TestClock();
    private CredentialReportService reports;

    @BeforeEach
    void open() {
        f = new ServiceFixture(dir);
        reports = new CredentialReportService(f.store, clock, LoginFacts.NONE);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> rows() {
        return List.of(reports.get(ACCOUNT).csv().split("\n"));
    }

    @Test
    void aReportWithinFourHoursIsReused_andAfterFiveANewOneIsMade_H83() {
        assertThat(reports.generate(ACCOUNT)).isEqualTo(new CredentialReportService.Generation("STARTED",
                "No report exists. Starting a new report generation task"));
        Instant first = reports.get(ACCOUNT).generatedAt();
        f.user("late-comer");

        clock.now = NOW.plus(Duration.ofHours(1));
        assertThat(reports.generate(ACCOUNT).state()).isEqualTo("COMPLETE");
        assertThat(reports.get(ACCOUNT).generatedAt()).isEqualTo(first);
        assertThat(reports.get(ACCOUNT).csv()).doesNotContain("late-comer");

        clock.now = NOW.plus(Duration.ofHours(5));
        assertThat(reports.generate(ACCOUNT).state()).isEqualTo("STARTED");
        assertThat(reports.get(ACCOUNT).generatedAt()).isAfter(first);
        assertThat(reports.get(ACCOUNT).csv()).contains("late-comer");
    }

    @Test
    void beforeAnyReport_getIsReportNotPresent_andFourHoursLaterReportExpired() {
        assertIamError(() -> reports.get(ACCOUNT), "ReportNotPresent", "");
        reports.generate(ACCOUNT);
        clock.now = NOW.plus(Duration.ofHours(4));
        assertIamError(() -> reports.get(ACCOUNT), "ReportExpired", "The most recent credential report has expired. "
                + "To generate a new credential report, use GenerateCredentialReport.");
    }

    @Test
    void header_isTheTwentyTwoColumnsInAwsOrder() {
        reports.generate(ACCOUNT);
        assertThat(rows().get(0)).isEqualTo("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
                + "cert_2_active,cert_2_last_rotated");
        assertThat(rows().get(0).split(",")).hasSize(22);
    }

    @Test
    void rootRow_comesFirst_withNotSupportedPasswordColumns() {
        reports.generate(ACCOUNT);
        assertThat(rows().get(1)).isEqualTo("<root_account>,arn:aws:iam::" + ACCOUNT + ":root,"
                + "2026-03-01T10:15:30+00:00,not_supported,no_information,not_supported,not_supported,FALSE,"
                + "FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,FALSE,N/A");
    }

    @Test
    void userWithoutPasswordOrKeys_isFalseAndNotApplicable_H83() {
        f.user("plain");
        reports.generate(ACCOUNT);
        assertThat(rows()).contains("plain,arn:aws:iam::" + ACCOUNT + ":user/plain,2026-03-01T10:15:30+00:00,"
                + "FALSE,N/A,N/A,N/A,FALSE,FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,FALSE,N/A");
    }

    @Test
    void keysAndCertificates_fillTheirColumns_anInactiveKeyIsFalseWithNoRotation() {
        User u = f.user("keyed");
        Instant used = NOW.plusSeconds(60);
        f.store.write(tx -> {
            tx.accessKeys().create(new AccessKey(ACCOUNT, Ids.accessKeyId(), u.id(), u.name(), AccessKeyStatus.ACTIVE,
                    NOW, null), "s1");
            AccessKey second = tx.accessKeys().create(new AccessKey(ACCOUNT, Ids.accessKeyId(), u.id(), u.name(),
                    AccessKeyStatus.INACTIVE, NOW.plusSeconds(1), null), "s2");
            tx.accessKeys().recordUse(second.id(), new AccessKeyLastUsed(used, "iam", "us-east-1"));
            tx.signingCertificates().create(new SigningCertificate(ACCOUNT, Ids.signingCertificateId(), u.id(),
                    u.name(), "pem", AccessKeyStatus.ACTIVE, NOW), "digest");
        });
        reports.generate(ACCOUNT);

        String row = rows().stream().filter(r -> r.startsWith("keyed,")).findFirst().orElseThrow();
        assertThat(Arrays.asList(row.split(",")).subList(8, 22)).containsExactly("TRUE", "2026-03-01T10:15:30+00:00",
                "N/A", "N/A", "N/A", "FALSE", "N/A", "2026-03-01T10:16:30+00:00", "us-east-1", "iam", "TRUE",
                "2026-03-01T10:15:30+00:00", "FALSE", "N/A");
    }

    @Test
    void passwordAndMfaFacts_fromTheirOwners_fillThePasswordColumns() {
        f.user("console");
        LoginFacts facts = new LoginFacts() {
            @Override
            public Optional<Password> password(String accountId, User user) {
                return Optional.of(new Password(NOW, null, NOW.plus(Duration.ofDays(90))));
            }

            @Override
            public boolean mfaActive(String accountId, String userId) {
                return userId != null;
            }

            @Override
            public Instant rootPasswordLastUsed(String accountId) {
                return NOW;
            }
        };
        new CredentialReportService(f.store, clock, facts).generate(ACCOUNT);

        String row = rows().stream().filter(r -> r.startsWith("console,")).findFirst().orElseThrow();
        assertThat(Arrays.asList(row.split(",")).subList(3, 8)).containsExactly("TRUE", "no_information",
                "2026-03-01T10:15:30+00:00", "2026-05-30T10:15:30+00:00", "TRUE");
        assertThat(rows().get(1).split(",")[4]).isEqualTo("2026-03-01T10:15:30+00:00");
    }

    @Test
    void aUserNameWithACommaIsQuoted() {
        f.user("a,b");
        reports.generate(ACCOUNT);
        assertThat(rows()).anyMatch(r -> r.startsWith("\"a,b\",\"arn:aws:iam::" + ACCOUNT + ":user/a,b\","));
    }

    @Test
    void reportsOfOneAccount_areNotAnothers() {
        reports.generate(ACCOUNT);
        assertIamError(() -> reports.get(ServiceFixture.OTHER_ACCOUNT), "ReportNotPresent", "");
        CredentialReport r = reports.get(ACCOUNT);
        assertThat(r.accountId()).isEqualTo(ACCOUNT);
    }
}
