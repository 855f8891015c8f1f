package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * GenerateCredentialReport and GetCredentialReport through the AWS SDK for Java v2, on a server of their own (a
 * report is the account's, reused for four hours); the four-hour rules are tested with a clock in
 * CredentialReportServiceTest (spec §10 H83).
 */
class CredentialReportSdkTest {

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    @Test
    void beforeGenerating_getIsReportNotPresent410WithoutMessage_thenGenerateStartsAndTheReportIsServedAsCsv() {
        awsError(SIGIL.root()::getCredentialReport, CredentialReportNotPresentException.class, 410, "ReportNotPresent",
                null);
        SIGIL.root().createUser(r -> r.userName("reported"));

        GenerateCredentialReportResponse started = SIGIL.root().generateCredentialReport();
        GenerateCredentialReportResponse again = SIGIL.root().generateCredentialReport();
        GetCredentialReportResponse report = SIGIL.root().getCredentialReport();

        assertThat(started.state()).isEqualTo(ReportStateType.STARTED);
        assertThat(started.description()).isEqualTo("No report exists. Starting a new report generation task");
        assertThat(again.state()).isEqualTo(ReportStateType.COMPLETE);
        assertThat(report.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
        assertThat(report.generatedTime()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        List<String> lines = List.of(report.content().asString(StandardCharsets.UTF_8).split("\n"));
        assertThat(lines.get(0)).startsWith("user,arn,user_creation_time,password_enabled,password_last_used,");
        assertThat(lines.get(1)).startsWith("<root_account>,arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                + ":root,").contains(",not_supported,");
        assertThat(lines).anyMatch(l -> l.startsWith("reported,arn:aws:iam::" + SigilTestServer.ACCOUNT_ID
                + ":user/reported,") && l.contains(",FALSE,N/A,N/A,N/A,FALSE,"));
        assertThat(lines.get(1).split(",")[8]).as("the root's bootstrap key is active").isEqualTo("TRUE");
    }
}
