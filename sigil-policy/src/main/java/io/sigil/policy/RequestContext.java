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
            lower.put(lowerCase(e.getKey()), e.getValue());
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

    /** The account field of an ARN ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}); null if it has none. */
    static String accountOf(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int from = 0;
        for (int field = 0; field < 4; field++) { // past "arn", partition, service and region
            from = arn.indexOf(':', from) + 1;
            if (from == 0) {
                return null;
            }
        }
        int end = arn.indexOf(':', from);
        return end > from ? arn.substring(from, end) : null;
    }

    /**
     * Global condition keys by their documented names (IAM User Guide, "AWS global condition context keys"), to their
     * lower case: the server puts a dozen of them in every call's context, and looking the lower case up saves
     * copying each name at every call. Any other name, or one in another case, is lowercased as before.
     */
    private static final Map<String, String> LOWER_GLOBAL_KEYS = lowerCaseIndex("aws:CurrentTime", "aws:EpochTime",
            "aws:SourceIp", "aws:SecureTransport", "aws:UserAgent", "aws:RequestedRegion", "aws:ViaAWSService",
            "aws:userid", "aws:username", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType",
            "aws:TokenIssueTime", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:SourceIdentity",
            "aws:FederatedProvider", "aws:TagKeys", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast",
            "aws:PrincipalOrgID", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName", "aws:SourceArn",
            "aws:SourceAccount", "aws:ResourceAccount", "aws:SourceVpc", "aws:SourceVpce", "aws:Referer");

    private static Map<String, String> lowerCaseIndex(String... names) {
        Map<String, String> index = new HashMap<>();
        for (String name : names) {
            index.put(name, name.toLowerCase(Locale.ROOT));
        }
        return Map.copyOf(index);
    }

    private static String lowerCase(String key) {
        String known = LOWER_GLOBAL_KEYS.get(key);
        return known != null ? known : key.toLowerCase(Locale.ROOT);
    }

    /** Whether caller and resource live in different accounts (IAM User Guide, "Cross-account policy evaluation logic"). */
    public boolean crossAccount() {
        return caller.account() != null && resourceAccount != null && !caller.account().equals(resourceAccount);
    }

    public ContextValue get(String key) {
        return keys.get(key.toLowerCase(Locale.ROOT));
    }
}
