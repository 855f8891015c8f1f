package io.sigil.server.app;

import io.sigil.iam.Limits;
import io.sigil.iam.service.AccessKeyService;
import io.sigil.iam.service.GroupService;
import io.sigil.iam.service.InlinePolicyService;
import io.sigil.iam.service.LastUsedRecorder;
import io.sigil.iam.service.UserService;
import io.sigil.iam.store.Store;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.KeyUse;
import io.sigil.server.api.iam.AccessKeysApi;
import io.sigil.server.api.iam.GroupsApi;
import io.sigil.server.api.iam.InlinePoliciesApi;
import io.sigil.server.api.iam.UsersApi;
import io.sigil.server.api.sts.StsIdentityApi;

import java.time.Clock;
import java.util.List;

/** The API areas the server offers; each area registers its operations' handlers. */
final class Modules {
    private Modules() {}

    /** @param closeables where modules that hold resources register them to be closed with the app */
    static List<ApiModule> all(Store store, Clock clock, List<AutoCloseable> closeables) {
        Limits limits = Limits.AWS_DEFAULTS;
        return List.of(
                new UsersApi(new UserService(store, clock, limits)),
                new GroupsApi(new GroupService(store, clock, limits)),
                new AccessKeysApi(new AccessKeyService(store, clock)),
                new InlinePoliciesApi(new InlinePolicyService(store, limits)),
                new StsIdentityApi());
    }

    /** The recorder of access-key use for GetAccessKeyLastUsed: coalesced in memory, written in the background. */
    static KeyUse keyUse(Store store, List<AutoCloseable> closeables) {
        LastUsedRecorder recorder = new LastUsedRecorder(store);
        closeables.add(recorder);
        return recorder::record;
    }
}
