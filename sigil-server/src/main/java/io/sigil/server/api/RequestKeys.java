package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.iam.sts.Session;
import io.sigil.policy.ContextValue;
import io.sigil.server.protocol.IsoSeconds;

import java.util.HashMap;
import java.util.Map;

/**
 * The global condition keys every request carries (IAM User Guide, "AWS global condition context keys"): time,
 * source IP, transport, user agent, requested region, and the principal's keys — aws:userid, aws:username,
 * aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType and aws:PrincipalTag/*; for temporary credentials
 * aws:TokenIssueTime and aws:MultiFactorAuthPresent (long-term keys carry neither).
 */
public final class RequestKeys {
    private RequestKeys() {}

    public static Map<String, ContextValue> of(CallContext ctx) {
        Map<String, ContextValue> k = new HashMap<>();
        k.put("aws:CurrentTime", ContextValue.of(IsoSeconds.of(ctx.now())));
        k.put("aws:EpochTime", ContextValue.of(Long.toString(ctx.now().getEpochSecond())));
        if (ctx.sourceIp() != null) {
            k.put("aws:SourceIp", ContextValue.of(ctx.sourceIp()));
        }
        k.put("aws:SecureTransport", ContextValue.of(Boolean.toString(ctx.secure())));
        if (ctx.userAgent() != null) {
            k.put("aws:UserAgent", ContextValue.of(ctx.userAgent()));
        }
        k.put("aws:RequestedRegion", ContextValue.of(requestedRegion(ctx.region())));
        k.put("aws:ViaAWSService", ContextValue.of("false"));
        if (ctx.principal() != null) { // null for the unsigned AssumeRoleWithWebIdentity and AssumeRoleWithSAML
            principalKeys(k, ctx.principal(), ctx.now());
        }
        return k;
    }

    /**
     * aws:RequestedRegion is "the AWS Region that was called in the request" (IAM User Guide, "AWS global condition
     * context keys"): the signing region of the credential scope. Global services are called in us-east-1, and so is
     * the global STS endpoint ({@code aws-global}): "requests made to the global endpoint ... aws:RequestedRegion is
     * us-east-1" (same page, aws:RequestedRegion: "IAM is a global service ... us-east-1").
     */
    static String requestedRegion(String signingRegion) {
        return signingRegion == null || signingRegion.equals("aws-global") ? "us-east-1" : signingRegion;
    }

    /**
     * A web identity role session's keys: aws:FederatedProvider, the provider's ARN ("present in the role-session of
     * an IAM role that was assumed using an OIDC provider"), and the provider's keys from the token (IAM User Guide,
     * "Available keys for AWS OIDC federation"); {@code :amr} is multi-valued.
     */
    private static void webIdentityKeys(Map<String, ContextValue> k, io.sigil.iam.sts.WebIdentityContext w) {
        if (!w.providerArn().contains(":saml-provider/")) {
            // "present in the role-session of an IAM role that was assumed using an OIDC provider"; a SAML session
            // carries its saml:* keys only (IAM User Guide, "AWS global condition context keys")
            k.put("aws:FederatedProvider", ContextValue.of(w.providerArn()));
        }
        w.keys().forEach((key, values) -> k.put(key, values.size() == 1 && !key.endsWith(":amr")
                ? ContextValue.of(values.get(0)) : ContextValue.ofList(values)));
    }

    /**
     * The principal's keys: aws:userid, aws:PrincipalArn (a role session's role), aws:PrincipalAccount,
     * aws:PrincipalType, aws:username (IAM users only), aws:PrincipalTag/* (a user's tags; a session's tags), and
     * for temporary credentials only aws:TokenIssueTime, aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge (with MFA
     * only) and aws:SourceIdentity (IAM User Guide, "AWS global condition context keys").
     */
    static void principalKeys(Map<String, ContextValue> k, Principal p, java.time.Instant now) {
        k.put("aws:userid", ContextValue.of(p.userId()));
        k.put("aws:PrincipalArn", ContextValue.of(p.principalArn()));
        k.put("aws:PrincipalAccount", ContextValue.of(p.accountId()));
        k.put("aws:PrincipalType", ContextValue.of(p.principalType()));
        if (p.isIamUser()) {
            k.put("aws:username", ContextValue.of(p.user().name()));
            p.user().tags().forEach(t -> k.put("aws:PrincipalTag/" + t.key(), ContextValue.of(t.value())));
        }
        Session s = p.session();
        if (s == null) {
            return;
        }
        s.tags().forEach(t -> k.put("aws:PrincipalTag/" + t.key(), ContextValue.of(t.value())));
        k.put("aws:TokenIssueTime", ContextValue.of(s.issuedAt().toString()));
        k.put("aws:MultiFactorAuthPresent", ContextValue.of(Boolean.toString(s.mfaPresent())));
        if (s.mfaPresent()) {
            k.put("aws:MultiFactorAuthAge", ContextValue.of(Long.toString(s.mfaAgeSeconds(now))));
        }
        if (s.sourceIdentity() != null) {
            k.put("aws:SourceIdentity", ContextValue.of(s.sourceIdentity()));
        }
        if (s.webIdentity() != null) {
            webIdentityKeys(k, s.webIdentity());
        }
    }
}
