package io.sigil.server.api.iam;

import io.sigil.iam.model.DeletionTask;
import io.sigil.iam.service.ServiceLinkedRoleService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.CallContext;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusResponse;

/**
 * Service-linked roles: CreateServiceLinkedRole, DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus (IAM
 * API Reference).
 */
public final class ServiceLinkedRolesApi implements ApiModule {

    private final ServiceLinkedRoleService slrs;

    public ServiceLinkedRolesApi(ServiceLinkedRoleService slrs) {
        this.slrs = Objects.requireNonNull(slrs, "slrs");
    }

    @Override
    public void register(Handlers h) {
        h.on(CreateServiceLinkedRoleRequest.class, this::create)
                .on(DeleteServiceLinkedRoleRequest.class, this::delete)
                .on(GetServiceLinkedRoleDeletionStatusRequest.class, this::status);
    }

    CreateServiceLinkedRoleResponse create(CreateServiceLinkedRoleRequest r, CallContext call) {
        return CreateServiceLinkedRoleResponse.builder().role(RoleModelMapper.createdServiceLinked(
                slrs.create(call.accountId(), r.awsServiceName(), r.description(), r.customSuffix()))).build();
    }

    DeleteServiceLinkedRoleResponse delete(DeleteServiceLinkedRoleRequest r, CallContext call) {
        return DeleteServiceLinkedRoleResponse.builder().deletionTaskId(slrs.delete(call.accountId(), r.roleName()))
                .build();
    }

    GetServiceLinkedRoleDeletionStatusResponse status(GetServiceLinkedRoleDeletionStatusRequest r, CallContext call) {
        DeletionTask task = slrs.status(call.accountId(), r.deletionTaskId());
        return GetServiceLinkedRoleDeletionStatusResponse.builder().status(task.status()).build();
    }
}
