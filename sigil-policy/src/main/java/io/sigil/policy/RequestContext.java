package io.sigil.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One authorization request as plain data (IAM User Guide, "The request context"): who, which action, on which
 * resource, in which account the resource lives, and the condition keys. Key names are case-insensitive; they are
 * stored in lower case. {@code resourceAccount} may be null: then it is the resource ARN's account, or the
 * caller's when the ARN has none.
 */
public record RequestContext(Caller caller, String action, String resource, String resourceAccount,
                             Map<String, ContextValue> keys) {
    public RequestContext {
        Map<String, ContextValue> lower = new HashMap<>(keys.size() * 2);
        for (Map.Entry<String, ContextValue> e : keys.entrySet()) {
            lower.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        // Wrapped rather than copied: a request's context is built once per decision, and the copy cost more than
        // the evaluation (sigil-bench's DispatchBenchmark).
        keys = Collections.unmodifiableMap(lower);
        if (resource == null || resource.isEmpty()) {
            resource = "*";
        }
        if (resourceAccount == null || resourceAccount.isEmpty()) {
            resourceAccount = accountOf(resource);
            if (resourceAccount == null) {
                resourceAccount = caller.account();
            }
        }
    }

    public static RequestContext of(String principalArn, String action, String resource, Map<String, ContextValue> keys) {
        return new RequestContext(Caller.parse(principalArn), action, resource, null, keys);
    }

    private static String accountOf(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        String[] p = arn.split(":", 6);
        return p.length == 6 && !p[4].isEmpty() ? p[4] : null;
    }

    /** Whether caller and resource live in different accounts (IAM User Guide, "Cross-account policy evaluation logic"). */
    public boolean crossAccount() {
        return caller.account() != null && resourceAccount != null && !caller.account().equals(resourceAccount);
    }

    public ContextValue get(String key) {
        return keys.get(key.toLowerCase(Locale.ROOT));
    }
}
