package io.sigil.server.api.iam;

import io.sigil.iam.service.BoundaryService;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.Handlers;
import java.util.Objects;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryResponse;

/**
 * Permissions boundaries (IAM API Reference): Put/Delete{User,Role}PermissionsBoundary. Every operation acts in the
 * caller's account.
 */
public final class BoundariesApi implements ApiModule {

    private final BoundaryService boundaries;

    public BoundariesApi(BoundaryService boundaries) {
        this.boundaries = Objects.requireNonNull(boundaries, "boundaries");
    }

    @Override
    public void register(Handlers handlers) {
        handlers.on(PutUserPermissionsBoundaryRequest.class, (r, call) -> {
            boundaries.putUserPermissionsBoundary(call.accountId(), r.userName(), r.permissionsBoundary());
            return PutUserPermissionsBoundaryResponse.builder().build();
        }).on(DeleteUserPermissionsBoundaryRequest.class, (r, call) -> {
            boundaries.deleteUserPermissionsBoundary(call.accountId(), r.userName());
            return DeleteUserPermissionsBoundaryResponse.builder().build();
        }).on(PutRolePermissionsBoundaryRequest.class, (r, call) -> {
            boundaries.putRolePermissionsBoundary(call.accountId(), r.roleName(), r.permissionsBoundary());
            return PutRolePermissionsBoundaryResponse.builder().build();
        }).on(DeleteRolePermissionsBoundaryRequest.class, (r, call) -> {
            boundaries.deleteRolePermissionsBoundary(call.accountId(), r.roleName());
            return DeleteRolePermissionsBoundaryResponse.builder().build();
        });
    }
}
