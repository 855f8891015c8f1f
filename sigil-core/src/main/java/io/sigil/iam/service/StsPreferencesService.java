package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.GlobalEndpointTokenVersion;
import io.sigil.iam.store.Store;
import java.util.Objects;

/**
 * SetSecurityTokenServicePreferences (IAM API Reference): the version of the session tokens the global STS endpoint
 * issues for the account, {@code v1Token} or {@code v2Token}. The value is recorded per account and read by
 * GetAccountSummary ({@code GlobalEndpointTokenVersion}: 1 or 2) through {@link #globalEndpointTokenVersion}.
 * Setting the version the account already has succeeds and changes nothing, as AWS does (the operation is
 * idempotent; it has no error of its own besides the common ones).
 */
public final class StsPreferencesService {

    private final Store store;

    public StsPreferencesService(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @param version the wire value; the protocol layer has already refused anything but v1Token and v2Token with
     *                AWS's ValidationError, so the check here only guards callers other than the API
     */
    public void setGlobalEndpointTokenVersion(String accountId, String version) {
        GlobalEndpointTokenVersion v = GlobalEndpointTokenVersion.fromWire(version).orElseThrow(() ->
                IamException.validationError("1 validation error detected: Value at 'globalEndpointTokenVersion' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [v1Token, v2Token]"));
        store.write(tx -> tx.stsPreferences().setGlobalEndpointTokenVersion(accountId, v));
    }

    /** The account's version: what it set, else {@link GlobalEndpointTokenVersion#DEFAULT} (v1Token). */
    public GlobalEndpointTokenVersion globalEndpointTokenVersion(String accountId) {
        return store.read(tx -> tx.stsPreferences().globalEndpointTokenVersion(accountId))
                .orElse(GlobalEndpointTokenVersion.DEFAULT);
    }
}
