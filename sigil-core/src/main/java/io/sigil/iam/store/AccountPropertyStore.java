package io.sigil.iam.store;

import java.util.Map;

/** Account properties (IAM API Reference, "PutAccountProperties"): {@code Namespace/PropertyName} → value. */
public interface AccountPropertyStore {

    /** The properties set for the account, by key; absent keys have their default. */
    Map<String, String> all(String accountId);

    /** Sets each property (creating or replacing it). */
    void put(String accountId, Map<String, String> properties);
}
