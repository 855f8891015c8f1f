package io.sigil.server.api.iam;

import io.sigil.iam.model.CredentialReport;
import io.sigil.iam.service.CredentialReportService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;

/**
 * GenerateCredentialReport and GetCredentialReport on the wire (IAM API Reference; the rules are
 * {@link CredentialReportService}'s). "Content: Contains the credential report. The report is Base64-encoded." — the
 * protocol writes the blob as base64; "ReportFormat: text/csv".
 */
public final class CredentialReportsApi implements ApiModule {

    private final CredentialReportService reports;

    public CredentialReportsApi(CredentialReportService reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GenerateCredentialReportRequest.class, this::generate)
                .on(GetCredentialReportRequest.class, this::get);
    }

    GenerateCredentialReportResponse generate(GenerateCredentialReportRequest r, CallContext call) {
        CredentialReportService.Generation g = reports.generate(call.accountId());
        return GenerateCredentialReportResponse.builder().state(g.state()).description(g.description()).build();
    }

    GetCredentialReportResponse get(GetCredentialReportRequest r, CallContext call) {
        CredentialReport report = reports.get(call.accountId());
        return GetCredentialReportResponse.builder()
                .content(SdkBytes.fromString(report.csv(), StandardCharsets.UTF_8))
                .reportFormat(ReportFormatType.TEXT_CSV)
                .generatedTime(report.generatedAt())
                .build();
    }
}
