package io.sigil.iam.store;

import io.sigil.iam.model.GlobalEndpointTokenVersion;
import java.util.Optional;

/**
 * The account's STS preferences (IAM API Reference, "SetSecurityTokenServicePreferences"): the token version of
 * the global endpoint, one per account; none stored means the account never set it.
 */
public interface StsPreferencesStore {

    /** What the account set, if it ever did. */
    Optional<GlobalEndpointTokenVersion> globalEndpointTokenVersion(String accountId);

    /** Sets (or replaces) the account's global endpoint token version. */
    void setGlobalEndpointTokenVersion(String accountId, GlobalEndpointTokenVersion version);
}
