package io.sigil.server.api.iam;

import io.sigil.iam.service.DelegationService;
import io.sigil.iam.service.RoleTemplateService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AcquireRoleRequest;
import software.amazon.awssdk.services.iam.model.AcquireRoleResponse;
import software.amazon.awssdk.services.iam.model.GetHumanReadableSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetHumanReadableSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetRoleTemplateVersionRequest;
import software.amazon.awssdk.services.iam.model.GetRoleTemplateVersionResponse;

/**
 * The operations that rest on AWS-side features Sigil cannot have, answered as AWS answers when the feature has
 * nothing to give: GetRoleTemplateVersion and AcquireRole (AWS's role template catalogue: NoSuchEntity for every
 * template ARN) and GetHumanReadableSummary (an LLM-written summary: SummaryState NOT_AVAILABLE, after the same
 * visibility checks as GetDelegationRequest).
 */
public final class RoleTemplatesApi implements ApiModule {
    /** The locale the summary is for when the request names none. */
    static final String DEFAULT_LOCALE = "en";

    private final RoleTemplateService templates;
    private final DelegationService delegations;

    public RoleTemplatesApi(RoleTemplateService templates, DelegationService delegations) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.delegations = Objects.requireNonNull(delegations, "delegations");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(GetRoleTemplateVersionRequest.class, this::getVersion)
                .on(AcquireRoleRequest.class, this::acquire)
                .on(GetHumanReadableSummaryRequest.class, this::summary);
    }

    GetRoleTemplateVersionResponse getVersion(GetRoleTemplateVersionRequest r, CallContext call) {
        templates.requireTemplate(r.templateArn());
        return GetRoleTemplateVersionResponse.builder().build();
    }

    AcquireRoleResponse acquire(AcquireRoleRequest r, CallContext call) {
        templates.requireTemplate(r.templateArn());
        return AcquireRoleResponse.builder().build();
    }

    GetHumanReadableSummaryResponse summary(GetHumanReadableSummaryRequest r, CallContext call) {
        String state = delegations.summaryState(call.principal(), r.entityArn());
        return GetHumanReadableSummaryResponse.builder()
                .locale(r.locale() == null ? DEFAULT_LOCALE : r.locale())
                .summaryState(state)
                .build();
    }
}
