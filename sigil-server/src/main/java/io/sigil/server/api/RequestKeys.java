package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.policy.ContextValue;

import java.util.HashMap;
import java.util.Map;

/**
 * The global condition keys every request carries (IAM User Guide, "AWS global condition context keys"): time,
 * source IP, transport, user agent, requested region, and the principal's keys — aws:userid, aws:username,
 * aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType and aws:PrincipalTag/* from the user's tags.
 * aws:MultiFactorAuthPresent and aws:TokenIssueTime are absent: long-term keys carry neither.
 */
final class RequestKeys {
    private RequestKeys() {}

    static Map<String, ContextValue> of(CallContext ctx) {
        Map<String, ContextValue> k = new HashMap<>();
        k.put("aws:CurrentTime", ContextValue.of(ctx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()));
        k.put("aws:EpochTime", ContextValue.of(Long.toString(ctx.now().getEpochSecond())));
        if (ctx.sourceIp() != null) {
            k.put("aws:SourceIp", ContextValue.of(ctx.sourceIp()));
        }
        k.put("aws:SecureTransport", ContextValue.of(Boolean.toString(ctx.secure())));
        if (ctx.userAgent() != null) {
            k.put("aws:UserAgent", ContextValue.of(ctx.userAgent()));
        }
        k.put("aws:RequestedRegion", ContextValue.of("us-east-1"));
        k.put("aws:ViaAWSService", ContextValue.of("false"));
        Principal p = ctx.principal();
        k.put("aws:userid", ContextValue.of(p.userId()));
        k.put("aws:PrincipalArn", ContextValue.of(p.arn()));
        k.put("aws:PrincipalAccount", ContextValue.of(p.accountId()));
        k.put("aws:PrincipalType", ContextValue.of(p.isRoot() ? "Account" : "User"));
        if (!p.isRoot()) {
            k.put("aws:username", ContextValue.of(p.user().name()));
            p.user().tags().forEach(t -> k.put("aws:PrincipalTag/" + t.key(), ContextValue.of(t.value())));
        }
        return k;
    }
}
