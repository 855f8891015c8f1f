package io.sigil.iam.sts;

import io.sigil.iam.error.IamException;
import io.sigil.iam.model.OidcProvider;
import io.sigil.iam.model.Role;
import io.sigil.iam.service.TrustPolicies;
import io.sigil.iam.store.Store;
import io.sigil.policy.Caller;
import io.sigil.policy.CompiledPolicy;
import io.sigil.policy.ContextValue;
import io.sigil.policy.ParseResult;
import io.sigil.policy.PolicyEngine;
import io.sigil.policy.PolicyParser;
import io.sigil.policy.PolicySet;
import io.sigil.policy.PolicyType;
import io.sigil.policy.RequestContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AssumeRoleWithWebIdentity for IAM OpenID Connect providers (AWS STS API Reference, "AssumeRoleWithWebIdentity";
 * IAM User Guide, "OIDC federation", "Available keys for AWS OIDC federation", "Passing session tags using
 * AssumeRoleWithWebIdentity"; spec §5, §10 F71).
 *
 * <p>The call is unauthenticated: the token is the credential. It must be a JWT whose {@code iss} is the URL of an
 * OIDC provider registered in the role's account, signed by a key the provider publishes, current (exp, nbf and iat
 * with {@link #CLOCK_SKEW} of tolerance), and meant for one of the provider's client ids ({@code azp} or
 * {@code aud}). Then the role's trust policy decides, as the only policy in force, with the provider's ARN as the
 * {@code Federated} principal and the token's claims as keys: {@code HOST/PATH:aud}, {@code :sub}, {@code :amr},
 * {@code :oaud}, and {@code aws:FederatedProvider}. Session tags ({@code https://aws.amazon.com/tags}) need
 * sts:TagSession and a source identity ({@code https://aws.amazon.com/source_identity}) sts:SetSourceIdentity, both
 * also from the trust policy.
 */
public final class WebIdentityService {
    /** How far a token's times may be off the server's clock: clocks of identity providers drift. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final String ACTION = "sts:AssumeRoleWithWebIdentity";
    private static final PolicyEngine ENGINE = new PolicyEngine();

    private final Store store;
    private final WebIdentityTokens tokens;
    private final SessionTokens sessions;
    private final Clock clock;

    public WebIdentityService(Store store, WebIdentityTokens tokens, SessionTokens sessions, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The AssumeRoleWithWebIdentity request members. @param providerId the legacy OAuth 2.0 provider, or null */
    public record Request(String roleArn, String roleSessionName, String webIdentityToken, String providerId,
                          Integer durationSeconds, String policy, List<String> policyArns) {
        public Request {
            policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
        }

        @Override
        public String toString() {
            return "Request[" + roleArn + ", " + roleSessionName + ", webIdentityToken=HIDDEN]";
        }
    }

    /**
     * The new session and what the answer reports of the token.
     *
     * @param provider the provider's ARN ({@code Provider})
     * @param audience the client id the token was accepted for ({@code Audience})
     */
    public record Result(IssuedCredentials credentials, String arn, String assumedRoleId, Integer packedPolicySize,
                         String subject, String provider, String audience, String sourceIdentity) {}

    /** @param requestKeys the global keys of the call (time, source IP, transport, user agent) */
    public Result assume(Request r, Map<String, ContextValue> requestKeys) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String issuer = issuerOf(r);
        OidcProvider provider = provider(accountOf(r.roleArn()), issuer);
        WebIdentityClaims claims = tokens.verify(r.webIdentityToken(), provider.issuerUrl());
        checkTimes(claims, now);
        if (claims.subject() == null || claims.subject().isEmpty()) {
            throw WebIdentityErrors.missingClaim("sub");
        }
        if (claims.audiences().isEmpty() && claims.authorizedParty() == null) {
            throw WebIdentityErrors.missingClaim("aud");
        }
        String audience = audience(claims, provider);
        Role role = findRole(r.roleArn()).orElseThrow(WebIdentityErrors::accessDenied);
        Map<String, List<String>> providerKeys = providerKeys(claims, provider, audience);
        Map<String, ContextValue> keys = keys(r, claims, providerKeys, requestKeys, role);
        CompiledPolicy trust = trustPolicy(role);
        Caller federated = Caller.parse(provider.arn());
        authorize(federated, ACTION, role, keys, trust);
        if (claims.hasSessionTags()) {
            authorize(federated, "sts:TagSession", role, keys, trust);
        }
        if (claims.sourceIdentity() != null) {
            authorize(federated, "sts:SetSourceIdentity", role, keys, trust);
        }
        int duration = duration(r.durationSeconds(), role);
        StsService.validateSessionPolicies(r.policy(), r.policyArns());
        boolean packs = r.policy() != null || !r.policyArns().isEmpty() || !claims.principalTags().isEmpty();
        int packed = PackedPolicySize.check(r.policy(), r.policyArns(), claims.principalTags());
        Session s = new Session(SessionKind.ASSUMED_ROLE, role.accountId(), AccessKeyIds.temporary(role.accountId()),
                role.arn(), role.id(), r.roleSessionName(), now, now.plusSeconds(duration), null, r.policy(),
                r.policyArns(), SessionTags.withRoleTags(role.tags(), claims.principalTags()),
                claims.transitiveTagKeys(),
                claims.sourceIdentity(), false, new WebIdentityContext(provider.arn(), providerKeys));
        Result result = new Result(sessions.issue(s), s.arn(), s.userId(), packs ? packed : null, claims.subject(),
                provider.arn(), audience, claims.sourceIdentity());
        store.write(tx -> tx.roles().recordUse(role.id(), now, "us-east-1"));
        return result;
    }

    /**
     * The token's issuer. ProviderId names an OAuth 2.0 provider (Login with Amazon, Facebook) whose access tokens
     * AWS validates by calling that provider; Sigil calls no such provider, so a token that is not a JWT with
     * ProviderId set is answered as an unreachable provider would be.
     */
    private String issuerOf(Request r) {
        try {
            return tokens.issuer(r.webIdentityToken());
        } catch (IamException e) {
            if (r.providerId() != null) {
                throw WebIdentityErrors.unreachable();
            }
            throw e;
        }
    }

    /** The role's account, from its ARN; null for text that is no role ARN. */
    private static String accountOf(String roleArn) {
        String[] p = roleArn == null ? new String[0] : roleArn.split(":", 6);
        return p.length == 6 && p[0].equals("arn") && p[2].equals("iam") && p[5].startsWith("role/") ? p[4] : null;
    }

    /** The provider registered in the role's account whose URL is the token's issuer, exactly. */
    private OidcProvider provider(String account, String issuer) {
        if (account == null) {
            throw WebIdentityErrors.accessDenied();
        }
        return store.read(tx -> tx.oidcProviders().find(account, OidcProvider.resourceName(issuer)))
                .filter(p -> p.issuerUrl().equals(issuer))
                .orElseThrow(() -> WebIdentityErrors.noProvider(issuer));
    }

    /** RFC 7519 §4.1.4–4.1.6, with {@link #CLOCK_SKEW}; an ID token must carry exp (OpenID Connect Core §2). */
    static void checkTimes(WebIdentityClaims c, Instant now) {
        if (c.expiresAt() == null) {
            throw WebIdentityErrors.invalidToken(WebIdentityErrors.NOT_VALIDATED);
        }
        if (!now.isBefore(c.expiresAt().plus(CLOCK_SKEW))) {
            throw WebIdentityErrors.expired(now, c.expiresAt());
        }
        if (c.notBefore() != null && now.plus(CLOCK_SKEW).isBefore(c.notBefore())) {
            throw WebIdentityErrors.notYetValid(now, "not-before", c.notBefore());
        }
        if (c.issuedAt() != null && now.plus(CLOCK_SKEW).isBefore(c.issuedAt())) {
            throw WebIdentityErrors.notYetValid(now, "issued-at", c.issuedAt());
        }
    }

    /**
     * The client id the token is for: its {@code azp} when that is one of the provider's client ids, else the first
     * {@code aud} value that is (IAM User Guide, "Available keys for AWS OIDC federation": the {@code aud} key holds
     * {@code azp} when the token has one, and {@code oaud} the token's {@code aud}).
     */
    static String audience(WebIdentityClaims c, OidcProvider provider) {
        if (c.authorizedParty() != null && provider.clientIds().contains(c.authorizedParty())) {
            return c.authorizedParty();
        }
        for (String aud : c.audiences()) {
            if (provider.clientIds().contains(aud)) {
                return aud;
            }
        }
        throw WebIdentityErrors.invalidToken(WebIdentityErrors.INCORRECT_AUDIENCE);
    }

    /**
     * The provider's keys (IAM User Guide, "Available keys for AWS OIDC federation"): {@code HOST/PATH:aud} the client
     * id the token was accepted for, {@code :oaud} the token's own {@code aud} when {@code azp} stood in for it,
     * {@code :sub}, and {@code :amr} (multi-valued).
     */
    static Map<String, List<String>> providerKeys(WebIdentityClaims c, OidcProvider provider, String audience) {
        Map<String, List<String>> k = new LinkedHashMap<>();
        String prefix = provider.resourceName() + ":";
        k.put(prefix + "aud", List.of(audience));
        if (c.authorizedParty() != null && !c.audiences().isEmpty()) {
            k.put(prefix + "oaud", c.audiences());
        }
        if (c.subject() != null) {
            k.put(prefix + "sub", List.of(c.subject()));
        }
        if (!c.amr().isEmpty()) {
            k.put(prefix + "amr", c.amr());
        }
        return k;
    }

    /**
     * The trust policy's context: the call's global keys, the token's provider keys, the session's tags and the
     * role's own tags.
     */
    private static Map<String, ContextValue> keys(Request r, WebIdentityClaims c, Map<String, List<String>> provider,
                                                  Map<String, ContextValue> global, Role role) {
        Map<String, ContextValue> k = new HashMap<>(global);
        provider.forEach((key, values) -> k.put(key, values.size() == 1 && !key.endsWith(":amr")
                ? ContextValue.of(values.get(0)) : ContextValue.ofList(values)));
        k.put("sts:RoleSessionName", ContextValue.of(r.roleSessionName()));
        if (r.durationSeconds() != null) {
            k.put("sts:DurationSeconds", ContextValue.of(Integer.toString(r.durationSeconds())));
        }
        if (c.sourceIdentity() != null) {
            k.put("sts:SourceIdentity", ContextValue.of(c.sourceIdentity()));
        }
        SessionTags.putPassed(k, c.principalTags(), c.transitiveTagKeys());
        SessionTags.putRole(k, role);
        return k;
    }

    /** The role named by the ARN, with its trust policy as IAM evaluates it (spec §10 F62), if the ARN matches. */
    private Optional<Role> findRole(String arn) {
        String account = accountOf(arn);
        if (account == null) {
            return Optional.empty();
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return store.read(tx -> tx.roles().find(account, name).map(r -> r.withTrustPolicy(TrustPolicies.render(tx, r))))
                .filter(role -> role.arn().equals(arn));
    }

    private static CompiledPolicy trustPolicy(Role role) {
        ParseResult parsed = PolicyParser.parse(role.assumeRolePolicyDocument());
        String name = "role/" + role.name() + " trust policy";
        return parsed.ok() ? CompiledPolicy.compile(parsed.policy(), name, PolicyType.RESOURCE)
                : CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[]}", name, PolicyType.RESOURCE);
    }

    /** The trust policy alone decides: a web identity has no identity policies (IAM User Guide, "OIDC federation"). */
    private static void authorize(Caller federated, String action, Role role, Map<String, ContextValue> keys,
                                  CompiledPolicy trust) {
        RequestContext request = new RequestContext(federated, action, role.arn(), role.accountId(), keys);
        if (!ENGINE.evaluate(request, new PolicySet(List.of(), null, null, trust, null, null)).allowed()) {
            throw WebIdentityErrors.accessDenied();
        }
    }

    /** 900 to the role's MaxSessionDuration, 3,600 by default (STS API Reference, DurationSeconds). */
    private static int duration(Integer requested, Role role) {
        int d = requested == null ? SessionDurations.DEFAULT_ROLE : requested;
        if (d > role.maxSessionDuration()) {
            throw IamException.validationError(AssumeRoleService.OVER_MAX);
        }
        return d;
    }
}
