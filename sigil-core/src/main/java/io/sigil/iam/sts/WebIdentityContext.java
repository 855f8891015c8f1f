package io.sigil.iam.sts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a role session from AssumeRoleWithWebIdentity came from, kept in its session token so that the session's own
 * requests carry it: {@code aws:FederatedProvider} ("present in the role-session of an IAM role that was assumed
 * using an OIDC provider", IAM User Guide, "AWS global condition context keys") and the provider's keys
 * ({@code HOST/PATH:aud}, {@code :sub}, {@code :amr}, {@code :oaud}), which the role's permission policies may test
 * and use as policy variables (spec §4, web identity keys "in trust policies & permission policies"; §10 F28).
 *
 * @param providerArn the IAM OIDC provider's ARN
 * @param keys        the provider's condition keys with their values, in a stable order
 */
public record WebIdentityContext(String providerArn, Map<String, List<String>> keys) {
    public WebIdentityContext {
        Objects.requireNonNull(providerArn, "providerArn");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        keys.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        keys = java.util.Collections.unmodifiableMap(copy);
    }
}
