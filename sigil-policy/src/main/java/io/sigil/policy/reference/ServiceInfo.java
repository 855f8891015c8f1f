package io.sigil.policy.reference;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * One service of the Service Authorization Reference: its prefix ({@code s3}), its actions and its own condition
 * keys. Lookups ignore case, as IAM matches action names and condition keys without regard to case.
 */
public record ServiceInfo(String prefix, Map<String, ActionInfo> actionsByLowerName,
                          Map<String, ConditionKeyInfo> keysByLowerName) {
    public ServiceInfo {
        actionsByLowerName = Map.copyOf(actionsByLowerName);
        keysByLowerName = Map.copyOf(keysByLowerName);
    }

    public ActionInfo action(String name) {
        return actionsByLowerName.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<ActionInfo> actions() {
        return actionsByLowerName.values();
    }
}
