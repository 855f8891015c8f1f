package io.sigil.server.api.iam;

import static io.sigil.server.api.iam.SdkFixture.allow;
import static io.sigil.server.api.iam.SdkFixture.awsError;
import static io.sigil.server.api.iam.SdkFixture.signingAs;
import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.server.testing.SigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.OrganizationNotFoundException;

/**
 * The IAM operations that need AWS Organizations, on an account that belongs to none (IAM API Reference:
 * ListOrganizationsFeatures, Enable/DisableOrganizationsRootCredentialsManagement,
 * Enable/DisableOrganizationsRootSessions, GenerateOrganizationsAccessReport, GetOrganizationsAccessReport).
 */
class OrganizationsFeaturesSdkTest {

    private static final String NO_ORG =
            "The request was rejected because no organization is associated with your account.";

    private final SigilTestServer server = SharedServer.get();
    private final IamClient iam = server.rootIam();

    @Test
    void centralizedRootAccessOperations_withoutAnOrganization_areOrganizationNotFound() {
        awsError(() -> iam.listOrganizationsFeatures(r -> { }), OrganizationNotFoundException.class, 400,
                "OrganizationNotFoundException", NO_ORG);
        awsError(() -> iam.enableOrganizationsRootCredentialsManagement(r -> { }),
                OrganizationNotFoundException.class, 400, "OrganizationNotFoundException", NO_ORG);
        awsError(() -> iam.disableOrganizationsRootCredentialsManagement(r -> { }),
                OrganizationNotFoundException.class, 400, "OrganizationNotFoundException", NO_ORG);
        awsError(() -> iam.enableOrganizationsRootSessions(r -> { }), OrganizationNotFoundException.class, 400,
                "OrganizationNotFoundException", NO_ORG);
        awsError(() -> iam.disableOrganizationsRootSessions(r -> { }), OrganizationNotFoundException.class, 400,
                "OrganizationNotFoundException", NO_ORG);
    }

    @Test
    void generateOrganizationsAccessReport_withoutAnOrganization_isOrganizationNotFound_andNoJobExists() {
        awsError(() -> iam.generateOrganizationsAccessReport(r -> r.entityPath("o-a1b2c3d4e5/r-f6g7h8i9j0example")),
                IamException.class, 400, "OrganizationNotFoundException", NO_ORG);

        awsError(() -> iam.getOrganizationsAccessReport(r -> r.jobId("examplea-1234-b567-cde8-90fg123abcd4")),
                NoSuchEntityException.class, 404, "NoSuchEntity",
                "The report with job id examplea-1234-b567-cde8-90fg123abcd4 cannot be found.");
    }

    @Test
    void generateOrganizationsAccessReport_withoutEntityPath_isValidationError() {
        awsError(() -> iam.generateOrganizationsAccessReport(r -> { }), IamException.class, 400, "ValidationError",
                null);
    }

    @Test
    void organizationsOperations_areAuthorisedBeforeTheyAnswer_accessReportOnItsEntityPath() {
        iam.createUser(r -> r.userName("org-nobody"));
        try (IamClient nobody = signingAs(server, "org-nobody", allow("iam:GetUser"))) {
            IamException e = awsError(() -> nobody.listOrganizationsFeatures(r -> { }), IamException.class, 403,
                    "AccessDenied", null);
            assertThat(e.awsErrorDetails().errorMessage()).contains("iam:ListOrganizationsFeatures on resource: *");
            IamException report = awsError(() -> nobody.generateOrganizationsAccessReport(
                    r -> r.entityPath("o-a1b2c3d4e5/r-f6g7h8i9j0example")), IamException.class, 403,
                    "AccessDenied", null);
            assertThat(report.awsErrorDetails().errorMessage()).contains("iam:GenerateOrganizationsAccessReport"
                    + " on resource: arn:aws:iam::" + SdkFixture.ACCOUNT
                    + ":access-report/o-a1b2c3d4e5/r-f6g7h8i9j0example");
        }
    }
}
