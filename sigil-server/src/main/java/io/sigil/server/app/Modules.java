package io.sigil.server.app;

import io.sigil.iam.Limits;
import io.sigil.iam.service.BoundaryService;
import io.sigil.iam.service.ManagedPolicyService;
import io.sigil.iam.service.PolicyAttachmentService;
import io.sigil.iam.service.PolicyListings;
import io.sigil.iam.store.Store;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.KeyUse;
import io.sigil.server.api.iam.BoundariesApi;
import io.sigil.server.api.iam.ManagedPoliciesApi;
import io.sigil.server.api.iam.PolicyAttachmentsApi;

import java.time.Clock;
import java.util.List;

/** The API areas the server offers; each area registers its operations' handlers. */
final class Modules {
    private Modules() {}

    /** @param closeables where modules that hold resources register them to be closed with the app */
    static List<ApiModule> all(Store store, Clock clock, List<AutoCloseable> closeables) {
        Limits limits = Limits.AWS_DEFAULTS;
        return List.of(
                new ManagedPoliciesApi(new ManagedPolicyService(store, clock, limits), new PolicyListings(store)),
                new PolicyAttachmentsApi(new PolicyAttachmentService(store)),
                new BoundariesApi(new BoundaryService(store)));
    }

    /** The recorder of access-key use for GetAccessKeyLastUsed. */
    static KeyUse keyUse(Store store, List<AutoCloseable> closeables) {
        return KeyUse.NONE;
    }
}
