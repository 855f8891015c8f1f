package io.sigil.server.audit;

import io.sigil.iam.auth.Principal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudTrail's {@code userIdentity} for a principal (CloudTrail User Guide, "CloudTrail userIdentity element"):
 * type (Root, IAMUser, AssumedRole, FederatedUser), principalId, arn, accountId, accessKeyId, userName for users.
 */
public final class AuditIdentity {
    private AuditIdentity() {}

    public static Map<String, String> of(Principal p) {
        if (p == null) {
            return Map.of();
        }
        Map<String, String> id = new LinkedHashMap<>();
        id.put("type", p.isRoot() ? "Root" : p.isIamUser() ? "IAMUser" : p.principalType());
        id.put("principalId", p.userId());
        id.put("arn", p.arn());
        id.put("accountId", p.accountId());
        // a principal named by ARN (/_sigil/authorize) signed nothing and has no key id to report
        if (isKeyId(p.accessKeyId())) {
            id.put("accessKeyId", p.accessKeyId());
        }
        if (p.isIamUser()) {
            id.put("userName", p.user().name());
        }
        return id;
    }

    /** What an access key id looks like (IAM API Reference, AccessKey: 16-128 of [A-Z0-9]); asked per request. */
    static boolean isKeyId(String id) {
        if (id == null || id.length() < 16 || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
