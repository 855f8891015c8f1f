package io.sigil.server.app;

import io.sigil.iam.service.InstanceProfileService;
import io.sigil.iam.service.RolePolicyService;
import io.sigil.iam.service.RoleService;
import io.sigil.iam.service.ServiceLinkedRoleService;
import io.sigil.iam.store.Store;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.KeyUse;
import io.sigil.server.api.iam.InstanceProfilesApi;
import io.sigil.server.api.iam.RolesApi;
import io.sigil.server.api.iam.ServiceLinkedRolesApi;

import java.time.Clock;
import java.util.List;

/** The API areas the server offers; each area registers its operations' handlers. */
final class Modules {
    private Modules() {}

    /** @param closeables where modules that hold resources register them to be closed with the app */
    static List<ApiModule> all(Store store, Clock clock, List<AutoCloseable> closeables) {
        return List.of(
                new RolesApi(new RoleService(store, clock), new RolePolicyService(store)),
                new ServiceLinkedRolesApi(new ServiceLinkedRoleService(store, clock)),
                new InstanceProfilesApi(new InstanceProfileService(store, clock)));
    }

    /** The recorder of access-key use for GetAccessKeyLastUsed. */
    static KeyUse keyUse(Store store, List<AutoCloseable> closeables) {
        return KeyUse.NONE;
    }
}
