package io.sigil.server.api.iam;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootCredentialsManagementRequest;
import software.amazon.awssdk.services.iam.model.DisableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootCredentialsManagementRequest;
import software.amazon.awssdk.services.iam.model.EnableOrganizationsRootSessionsRequest;
import software.amazon.awssdk.services.iam.model.GenerateOrganizationsAccessReportRequest;
import software.amazon.awssdk.services.iam.model.GetOrganizationsAccessReportRequest;
import software.amazon.awssdk.services.iam.model.ListOrganizationsFeaturesRequest;

/**
 * The IAM operations that need AWS Organizations: centralized root access (ListOrganizationsFeatures,
 * Enable/DisableOrganizationsRootCredentialsManagement, Enable/DisableOrganizationsRootSessions; IAM User Guide,
 * "Centrally manage root access for member accounts") and Organizations access reports
 * (GenerateOrganizationsAccessReport, GetOrganizationsAccessReport). A Sigil account belongs to no organization,
 * so each answers as AWS does for a standalone account, after the call was authorised like any other.
 *
 * <p>Centralized root access: "OrganizationNotFoundException: The request was rejected because no organization is
 * associated with your account" (IAM API Reference, errors of ListOrganizationsFeatures and the four
 * Enable/Disable operations). An access report can only be generated "signed in using your Organizations
 * management account credentials", so GenerateOrganizationsAccessReport answers the same; no job is ever created,
 * so every job id given to GetOrganizationsAccessReport names nothing (its one modelled error, NoSuchEntity).
 */
public final class OrganizationsFeaturesApi implements ApiModule {

    static final String NO_ORGANIZATION =
            "The request was rejected because no organization is associated with your account.";

    @Override
    public void register(Handlers handlers) {
        handlers.on(ListOrganizationsFeaturesRequest.class, (r, call) -> {
                    throw noOrganization();
                })
                .on(EnableOrganizationsRootCredentialsManagementRequest.class, (r, call) -> {
                    throw noOrganization();
                })
                .on(DisableOrganizationsRootCredentialsManagementRequest.class, (r, call) -> {
                    throw noOrganization();
                })
                .on(EnableOrganizationsRootSessionsRequest.class, (r, call) -> {
                    throw noOrganization();
                })
                .on(DisableOrganizationsRootSessionsRequest.class, (r, call) -> {
                    throw noOrganization();
                })
                .on(GenerateOrganizationsAccessReportRequest.class, (r, call) -> {
                    throw noOrganization();
                })
                .on(GetOrganizationsAccessReportRequest.class, OrganizationsFeaturesApi::noSuchJob);
    }

    private static IamException noOrganization() {
        return new IamException(ErrorCode.ORGANIZATION_NOT_FOUND, NO_ORGANIZATION);
    }

    private static software.amazon.awssdk.services.iam.model.GetOrganizationsAccessReportResponse noSuchJob(
            GetOrganizationsAccessReportRequest r, CallContext call) {
        throw IamException.noSuchEntity("The report with job id " + r.jobId() + " cannot be found.");
    }
}
