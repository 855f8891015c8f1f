package io.sigil.server.api.iam;

import io.sigil.iam.model.DelegationPermissions;
import io.sigil.iam.service.DelegationPermissionCheck;
import io.sigil.iam.model.DelegationRequest;
import io.sigil.iam.service.DelegationService;
import io.sigil.iam.store.Page;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.AcceptDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.AcceptDelegationRequestResponse;
import software.amazon.awssdk.services.iam.model.AssociateDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.AssociateDelegationRequestResponse;
import software.amazon.awssdk.services.iam.model.CreateDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.CreateDelegationRequestResponse;
import software.amazon.awssdk.services.iam.model.DelegationPermission;
import software.amazon.awssdk.services.iam.model.GetDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.GetDelegationRequestResponse;
import software.amazon.awssdk.services.iam.model.ListDelegationRequestsRequest;
import software.amazon.awssdk.services.iam.model.ListDelegationRequestsResponse;
import software.amazon.awssdk.services.iam.model.PolicyParameter;
import software.amazon.awssdk.services.iam.model.RejectDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.RejectDelegationRequestResponse;
import software.amazon.awssdk.services.iam.model.SendDelegationTokenRequest;
import software.amazon.awssdk.services.iam.model.SendDelegationTokenResponse;
import software.amazon.awssdk.services.iam.model.UpdateDelegationRequestRequest;
import software.amazon.awssdk.services.iam.model.UpdateDelegationRequestResponse;

/**
 * The delegation request operations on the wire (IAM API Reference: CreateDelegationRequest, GetDelegationRequest,
 * ListDelegationRequests, AssociateDelegationRequest, UpdateDelegationRequest, AcceptDelegationRequest,
 * RejectDelegationRequest, SendDelegationToken). Lengths, patterns and SessionDuration's 300–43,200 range are
 * checked by the protocol layer before these run.
 */
public final class DelegationRequestsApi implements ApiModule {

    private final DelegationService delegations;
    private final DelegationPermissionCheck permissionCheck;

    public DelegationRequestsApi(DelegationService delegations, DelegationPermissionCheck permissionCheck) {
        this.delegations = Objects.requireNonNull(delegations, "delegations");
        this.permissionCheck = Objects.requireNonNull(permissionCheck, "permissionCheck");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(CreateDelegationRequestRequest.class, this::create)
                .on(GetDelegationRequestRequest.class, this::get)
                .on(ListDelegationRequestsRequest.class, this::list)
                .on(AssociateDelegationRequestRequest.class, this::associate)
                .on(UpdateDelegationRequestRequest.class, this::update)
                .on(AcceptDelegationRequestRequest.class, this::accept)
                .on(RejectDelegationRequestRequest.class, this::reject)
                .on(SendDelegationTokenRequest.class, this::send);
    }

    CreateDelegationRequestResponse create(CreateDelegationRequestRequest r, CallContext call) {
        DelegationService.Created c = delegations.create(call.principal(), new DelegationService.NewRequest(
                r.ownerAccountId(), r.description(), permissions(r.permissions()), r.requestMessage(),
                r.requestorWorkflowId(), r.redirectUrl(), r.notificationChannel(), r.sessionDuration(),
                Boolean.TRUE.equals(r.onlySendByOwner())));
        return CreateDelegationRequestResponse.builder().delegationRequestId(c.delegationRequestId())
                .consoleDeepLink(c.consoleDeepLink()).build();
    }

    GetDelegationRequestResponse get(GetDelegationRequestRequest r, CallContext call) {
        DelegationRequest d = delegations.get(call.principal(), r.delegationRequestId());
        GetDelegationRequestResponse.Builder b = GetDelegationRequestResponse.builder().delegationRequest(wire(d));
        if (Boolean.TRUE.equals(r.delegationPermissionCheck())) {
            b.permissionCheckStatus("COMPLETE")
                    .permissionCheckResult(permissionCheck.check(call.principal(), d.permissionPolicy()).name());
        }
        return b.build();
    }

    ListDelegationRequestsResponse list(ListDelegationRequestsRequest r, CallContext call) {
        Page<DelegationRequest> page = delegations.list(call.principal(), r.ownerId(),
                Paging.of(r.marker(), r.maxItems()));
        return ListDelegationRequestsResponse.builder()
                .delegationRequests(page.items().stream().map(DelegationRequestsApi::wire).toList())
                .isTruncated(page.isTruncated())
                .marker(page.nextMarker())
                .build();
    }

    AssociateDelegationRequestResponse associate(AssociateDelegationRequestRequest r, CallContext call) {
        delegations.associate(call.principal(), r.delegationRequestId());
        return AssociateDelegationRequestResponse.builder().build();
    }

    UpdateDelegationRequestResponse update(UpdateDelegationRequestRequest r, CallContext call) {
        delegations.update(call.principal(), r.delegationRequestId(), r.notes());
        return UpdateDelegationRequestResponse.builder().build();
    }

    AcceptDelegationRequestResponse accept(AcceptDelegationRequestRequest r, CallContext call) {
        delegations.accept(call.principal(), r.delegationRequestId());
        return AcceptDelegationRequestResponse.builder().build();
    }

    RejectDelegationRequestResponse reject(RejectDelegationRequestRequest r, CallContext call) {
        delegations.reject(call.principal(), r.delegationRequestId(), r.notes());
        return RejectDelegationRequestResponse.builder().build();
    }

    SendDelegationTokenResponse send(SendDelegationTokenRequest r, CallContext call) {
        delegations.sendToken(call.principal(), r.delegationRequestId());
        return SendDelegationTokenResponse.builder().build();
    }

    private static DelegationPermissions permissions(DelegationPermission p) {
        if (p == null) {
            return new DelegationPermissions(null, List.of());
        }
        return new DelegationPermissions(p.policyTemplateArn(), p.parameters().stream()
                .map(x -> new DelegationPermissions.Parameter(x.name() == null ? "" : x.name(), x.typeAsString(),
                        x.values()))
                .toList());
    }

    static software.amazon.awssdk.services.iam.model.DelegationRequest wire(DelegationRequest d) {
        DelegationPermission.Builder p = DelegationPermission.builder()
                .policyTemplateArn(d.permissions().policyTemplateArn());
        if (!d.permissions().parameters().isEmpty()) {
            p.parameters(d.permissions().parameters().stream().map(x -> PolicyParameter.builder().name(x.name())
                    .type(x.type()).values(x.values()).build()).toList());
        }
        return software.amazon.awssdk.services.iam.model.DelegationRequest.builder()
                .delegationRequestId(d.id())
                .ownerAccountId(d.ownerAccountId())
                .description(d.description())
                .requestMessage(d.requestMessage())
                .permissions(p.build())
                .permissionPolicy(d.permissionPolicy())
                .ownerId(d.ownerId())
                .approverId(d.approverId())
                .state(d.state().name())
                .expirationTime(d.expirationTime())
                .requestorId(d.requestorAccountId())
                .createDate(d.createDate())
                .sessionDuration(d.sessionDuration())
                .redirectUrl(d.redirectUrl())
                .notes(d.notes())
                .rejectionReason(d.rejectionReason())
                .onlySendByOwner(d.onlySendByOwner())
                .updatedTime(d.updatedTime())
                .build();
    }
}
