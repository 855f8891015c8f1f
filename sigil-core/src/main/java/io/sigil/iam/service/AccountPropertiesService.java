package io.sigil.iam.service;

import io.sigil.iam.error.IamException;
import io.sigil.iam.store.Store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * GetAccountProperties and PutAccountProperties (IAM API Reference): account-level settings as
 * {@code Namespace/PropertyName} keys. "The service validates each value based on the property key's expected type.
 * For example, boolean properties expect true or false."
 *
 * <p>The properties AWS documents are listed in {@link #KNOWN} with their type and default; today that is role
 * manager's switch, {@code RoleManager/Enabled} (IAM User Guide, "Manage access to role manager": "Set the
 * RoleManager/Enabled property to true to enable role manager, or false to disable it"). GetAccountProperties
 * answers every known property, set or default.
 */
public final class AccountPropertiesService {
    /** Role manager's switch. */
    public static final String ROLE_MANAGER_ENABLED = "RoleManager/Enabled";

    private enum Type { BOOLEAN }

    private record Known(Type type, String defaultValue) {}

    private static final Map<String, Known> KNOWN = Map.of(ROLE_MANAGER_ENABLED, new Known(Type.BOOLEAN, "false"));

    private final Store store;

    public AccountPropertiesService(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Every known property of the account: its value, or its default when never set. */
    public Map<String, String> get(String accountId) {
        Map<String, String> out = new TreeMap<>();
        KNOWN.forEach((k, v) -> out.put(k, v.defaultValue()));
        out.putAll(store.read(tx -> tx.accountProperties().all(accountId)));
        return out;
    }

    /**
     * @throws IamException InvalidInput for a key not of the form {@code Namespace/PropertyName}, keys of more than
     *     one namespace, an unknown property, or a value of the wrong type
     */
    public void put(String accountId, Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            throw IamException.invalidInput("Properties must contain at least one property.");
        }
        String namespace = null;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            int slash = key.indexOf('/');
            if (slash <= 0 || slash == key.length() - 1 || key.indexOf('/', slash + 1) >= 0) {
                throw IamException.invalidInput("Property key " + key + " must have the form Namespace/PropertyName.");
            }
            String ns = key.substring(0, slash);
            if (namespace != null && !namespace.equals(ns)) {
                throw IamException.invalidInput("All properties in a single request must belong to the same "
                        + "namespace.");
            }
            namespace = ns;
            Known known = KNOWN.get(key);
            if (known == null) {
                throw IamException.invalidInput("Property key " + key + " is not a supported account property.");
            }
            if (known.type() == Type.BOOLEAN && !e.getValue().equals("true") && !e.getValue().equals("false")) {
                throw IamException.invalidInput("Property " + key + " expects true or false.");
            }
        }
        store.write(tx -> tx.accountProperties().put(accountId, properties));
    }

    /** Whether role manager is on for the account. */
    public boolean roleManagerEnabled(String accountId) {
        return Boolean.parseBoolean(get(accountId).get(ROLE_MANAGER_ENABLED));
    }
}
