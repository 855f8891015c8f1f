package io.sigil.server.app;

import io.sigil.iam.store.Store;
import io.sigil.server.api.ApiModule;
import io.sigil.server.api.KeyUse;

import java.time.Clock;
import java.util.List;

/** The API areas the server offers; each area registers its operations' handlers. */
final class Modules {
    private Modules() {}

    /** @param closeables where modules that hold resources register them to be closed with the app */
    static List<ApiModule> all(Store store, Clock clock, List<AutoCloseable> closeables) {
        return List.of();
    }

    /** The recorder of access-key use for GetAccessKeyLastUsed. */
    static KeyUse keyUse(Store store, List<AutoCloseable> closeables) {
        return KeyUse.NONE;
    }
}
