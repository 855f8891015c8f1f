package io.sigil.server.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * The {@code userIdentity} of the unsigned federation calls, which have no AWS principal: CloudTrail records the
 * federated user (CloudTrail User Guide, "CloudTrail userIdentity element": {@code WebIdentityUser} with
 * {@code principalId} PROVIDER:AUDIENCE:SUBJECT, {@code userName} the subject and {@code identityProvider};
 * {@code SAMLUser} with principalId NAMEQUALIFIER:SUBJECT), and the role's account receives the event.
 *
 * @param identity  the userIdentity fields
 * @param accountId the account of the role assumed ({@code recipientAccountId})
 */
public record FederatedIdentity(Map<String, String> identity, String accountId) {

    public FederatedIdentity {
        // In CloudTrail's order (type, principalId, userName, identityProvider): Map.copyOf would lose it.
        identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    }

    /** The federated user an AssumeRoleWithWebIdentity or AssumeRoleWithSAML answer names; empty for others. */
    public static Optional<FederatedIdentity> of(AwsResponse out) {
        Map<String, String> id = new LinkedHashMap<>();
        AssumedRoleUser role;
        if (out instanceof AssumeRoleWithWebIdentityResponse w) {
            id.put("type", "WebIdentityUser");
            id.put("principalId", w.provider() + ":" + w.audience() + ":" + w.subjectFromWebIdentityToken());
            id.put("userName", w.subjectFromWebIdentityToken());
            id.put("identityProvider", w.provider());
            role = w.assumedRoleUser();
        } else if (out instanceof AssumeRoleWithSamlResponse s) {
            id.put("type", "SAMLUser");
            id.put("principalId", s.nameQualifier() + ":" + s.subject());
            id.put("userName", s.subject());
            id.put("identityProvider", s.nameQualifier());
            role = s.assumedRoleUser();
        } else {
            return Optional.empty();
        }
        id.values().removeIf(v -> v == null);
        String[] arn = role == null || role.arn() == null ? new String[0] : role.arn().split(":", 6);
        return Optional.of(new FederatedIdentity(id, arn.length == 6 ? arn[4] : null));
    }
}
