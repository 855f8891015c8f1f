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
        if (p.accessKeyId() != null && p.accessKeyId().matches("[A-Z0-9]{16,128}")) {
            id.put("accessKeyId", p.accessKeyId());
        }
        if (p.isIamUser()) {
            id.put("userName", p.user().name());
        }
        return id;
    }
}
