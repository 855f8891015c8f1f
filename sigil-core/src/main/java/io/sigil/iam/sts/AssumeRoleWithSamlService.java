package io.sigil.iam.sts;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.model.Role;
import io.sigil.iam.model.SamlProvider;
import io.sigil.iam.saml.SamlAssertion;
import io.sigil.iam.saml.SamlContextKeys;
import io.sigil.iam.saml.SamlMetadata;
import io.sigil.iam.saml.SamlResponses;
import io.sigil.iam.pki.PrivateKeys;
import io.sigil.iam.service.SamlProviderService;
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
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AssumeRoleWithSAML (AWS STS API Reference, "AssumeRoleWithSAML"; IAM User Guide, "SAML 2.0 federation",
 * "Configure SAML assertions for the authentication response", "Troubleshooting SAML 2.0 federation"; spec §5.8,
 * §10 G68–G70).
 *
 * <p>The call is unsigned: the SAML response, verified against the metadata of the provider named by
 * {@code PrincipalArn} ({@link SamlResponses}), is the only authentication. Its Role attribute must offer the
 * requested role and provider; the role's trust policy is then evaluated by the engine as the only policy, with the
 * provider as the {@code Federated} principal and the {@code saml:*} keys of the assertion ({@link SamlContextKeys}),
 * for {@code sts:AssumeRoleWithSAML}, and for {@code sts:TagSession} with PrincipalTag attributes and
 * {@code sts:SetSourceIdentity} with a SourceIdentity attribute. Each refusal of the trust policy, and a role that does
 * not exist, is AccessDenied "Not authorized to perform sts:AssumeRoleWithSAML", AWS's text. A provider with private
 * keys decrypts EncryptedAssertions with them; one whose AssertionEncryptionMode is Required takes no other.
 */
public final class AssumeRoleWithSamlService {
    static final String ACTION = "sts:AssumeRoleWithSAML";
    static final String NOT_AUTHORIZED = "Not authorized to perform sts:AssumeRoleWithSAML";
    /** AWS: "Specified provider doesn't exist (Service: AWSOpenIdDiscoveryService; ... AuthSamlManifestNotFoundException)". */
    static final String NO_PROVIDER = "Specified provider doesn't exist";

    private final Store store;
    private final SessionTokens tokens;
    private final Clock clock;
    private final PolicyEngine engine = new PolicyEngine();

    public AssumeRoleWithSamlService(Store store, SessionTokens tokens, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The AssumeRoleWithSAML request members. */
    public record Request(String roleArn, String principalArn, String samlAssertion, String policy,
                          List<String> policyArns, Integer durationSeconds) {
        public Request {
            policyArns = policyArns == null ? List.of() : List.copyOf(policyArns);
        }

        @Override
        public String toString() {
            return "Request[" + roleArn + ", " + principalArn + ", samlAssertion=HIDDEN]";
        }
    }

    /**
     * The new session and what the assertion said (the AssumeRoleWithSAML response members).
     *
     * @param audience      the Recipient of the SubjectConfirmationData
     * @param nameQualifier {@link SamlContextKeys#nameQualifier}
     */
    public record Result(IssuedCredentials credentials, String arn, String assumedRoleId, Integer packedPolicySize,
                         String subject, String subjectType, String issuer, String audience, String nameQualifier,
                         String sourceIdentity) {}

    /** @param requestKeys the global keys of the call (time, source IP, transport, user agent) */
    public Result assume(Request r, Map<String, ContextValue> requestKeys) {
        StsService.validateSessionPolicies(r.policy(), r.policyArns());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // ARNs of the wrong kind are ValidationErrors with AWS's texts, the principal checked first: "Principal ARN
        // is invalid" for role and provider swapped (cevoaustralia/aws-google-auth#163), "Request ARN is invalid"
        // for a RoleArn that names no role (oktadev/okta-aws-cli-assume-role#307).
        ProviderRef ref = ProviderRef.parse(r.principalArn())
                .orElseThrow(() -> IamException.validationError("Principal ARN is invalid"));
        if (!isRoleArn(r.roleArn())) {
            throw IamException.validationError("Request ARN is invalid");
        }
        SamlProvider provider = store.read(tx -> tx.samlProviders().find(ref.account(), ref.name()))
                .filter(p -> p.arn().equals(r.principalArn()))
                .orElseThrow(() -> invalid(NO_PROVIDER));
        SamlAssertion assertion = SamlResponses.verify(r.samlAssertion(), SamlMetadata.parse(
                provider.metadataDocument()), decryptionKeys(provider),
                SamlProviderService.REQUIRED.equals(provider.assertionEncryptionMode()), clock.instant());
        SamlSessionClaims.requireRolePair(assertion, r.roleArn(), r.principalArn());
        if (assertion.nameId() == null || assertion.nameId().isEmpty()) {
            throw IamException.accessDenied(NOT_AUTHORIZED); // "the SAML response does not include a Subject containing a NameID"
        }
        SamlSessionClaims claims = SamlSessionClaims.of(assertion);
        Role role = findRole(r.roleArn()).orElseThrow(() -> IamException.accessDenied(NOT_AUTHORIZED));
        Map<String, ContextValue> keys = keys(requestKeys, assertion, claims, provider, role);
        CompiledPolicy trust = trustPolicy(role);
        authorize(ACTION, provider, role, keys, trust);
        if (!claims.tags().isEmpty() || !claims.transitiveTagKeys().isEmpty()) {
            authorize("sts:TagSession", provider, role, keys, trust);
        }
        if (claims.sourceIdentity() != null) {
            authorize("sts:SetSourceIdentity", provider, role, keys, trust);
        }
        int duration = duration(r.durationSeconds(), role, claims, assertion, now);
        boolean packs = r.policy() != null || !r.policyArns().isEmpty() || !claims.tags().isEmpty();
        int packed = PackedPolicySize.check(r.policy(), r.policyArns(), claims.tags());
        Session s = new Session(SessionKind.ASSUMED_ROLE, role.accountId(), AccessKeyIds.temporary(role.accountId()),
                role.arn(), role.id(), claims.roleSessionName(), now, now.plusSeconds(duration), null, r.policy(),
                r.policyArns(), SessionTags.withRoleTags(role.tags(), claims.tags()), claims.transitiveTagKeys(),
                claims.sourceIdentity(), false, sessionContext(provider, assertion));
        Result result = new Result(tokens.issue(s), s.arn(), s.userId(), packs ? packed : null, assertion.nameId(),
                SamlContextKeys.subjectType(assertion.nameIdFormat()), assertion.issuer(), assertion.recipient(),
                SamlContextKeys.nameQualifier(assertion.issuer(), provider.accountId(), provider.name()),
                claims.sourceIdentity());
        store.write(tx -> tx.roles().recordUse(role.id(), now, "us-east-1"));
        return result;
    }

    /**
     * What the session's own requests carry of the assertion: {@code saml:namequalifier}, {@code saml:sub} and
     * {@code saml:sub_type}, the SAML keys a role's permission policies may use (IAM User Guide, "Uniquely identifying
     * users in SAML-based federation": "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/backup/${saml:namequalifier}/
     * ${saml:sub}"; spec §7, §10 G69).
     */
    private static WebIdentityContext sessionContext(SamlProvider provider, SamlAssertion a) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("saml:namequalifier", List.of(SamlContextKeys.nameQualifier(a.issuer(), provider.accountId(),
                provider.name())));
        keys.put("saml:sub", List.of(a.nameId()));
        keys.put("saml:sub_type", List.of(SamlContextKeys.subjectType(a.nameIdFormat())));
        return new WebIdentityContext(provider.arn(), keys);
    }

    /** The provider's private keys, opened only when it has some (they decrypt EncryptedAssertions). */
    private List<PrivateKey> decryptionKeys(SamlProvider provider) {
        if (provider.privateKeys().isEmpty()) {
            return List.of();
        }
        return store.read(tx -> tx.samlProviders().openPrivateKeys(provider.accountId(), provider.name())).stream()
                .map(PrivateKeys::parse).toList();
    }

    /** {@code arn:aws:iam::ACCOUNT:saml-provider/NAME}. */
    private record ProviderRef(String account, String name) {
        static Optional<ProviderRef> parse(String arn) {
            String[] p = arn == null ? new String[0] : arn.split(":", 6);
            if (p.length != 6 || !p[0].equals("arn") || !p[2].equals("iam") || !p[5].startsWith("saml-provider/")) {
                return Optional.empty();
            }
            return Optional.of(new ProviderRef(p[4], p[5].substring("saml-provider/".length())));
        }
    }

    private static boolean isRoleArn(String arn) {
        String[] p = arn == null ? new String[0] : arn.split(":", 6);
        return p.length == 6 && p[0].equals("arn") && p[2].equals("iam") && p[5].startsWith("role/");
    }

    /** The role as its trust policy is evaluated (principal ids rendered, as AssumeRole reads it; spec §10 F62). */
    private Optional<Role> findRole(String arn) {
        if (!isRoleArn(arn)) {
            return Optional.empty();
        }
        String[] p = arn.split(":", 6);
        String name = p[5].substring(p[5].lastIndexOf('/') + 1);
        return store.read(tx -> tx.roles().find(p[4], name).map(role -> role.withTrustPolicy(TrustPolicies.render(tx,
                role)))).filter(role -> role.arn().equals(arn));
    }

    private static CompiledPolicy trustPolicy(Role role) {
        ParseResult parsed = PolicyParser.parse(role.assumeRolePolicyDocument());
        String name = "role/" + role.name() + " trust policy";
        return parsed.ok() ? CompiledPolicy.compile(parsed.policy(), name, PolicyType.RESOURCE)
                : CompiledPolicy.compile("{\"Version\":\"2012-10-17\",\"Statement\":[]}", name, PolicyType.RESOURCE);
    }

    /**
     * The trust policy alone decides: the federated caller has no identity policies (IAM User Guide, "Policy
     * evaluation logic": a resource-based policy that names the principal allows on its own).
     */
    private void authorize(String action, SamlProvider provider, Role role, Map<String, ContextValue> keys,
                           CompiledPolicy trust) {
        RequestContext request = new RequestContext(Caller.parse(provider.arn()), action, role.arn(),
                role.accountId(), keys);
        if (!engine.evaluate(request, new PolicySet(List.of(), null, null, trust, null, null)).allowed()) {
            throw IamException.accessDenied(NOT_AUTHORIZED);
        }
    }

    /** The call's global keys, aws:FederatedProvider, the saml:* keys, and the tags of the PrincipalTag attributes. */
    private static Map<String, ContextValue> keys(Map<String, ContextValue> global, SamlAssertion a,
                                                  SamlSessionClaims claims, SamlProvider provider, Role role) {
        Map<String, ContextValue> k = new HashMap<>(global);
        k.put("aws:FederatedProvider", ContextValue.of(provider.arn()));
        k.putAll(SamlContextKeys.of(a, provider.accountId(), provider.name()));
        SessionTags.putPassed(k, claims.tags(), claims.transitiveTagKeys());
        if (claims.sourceIdentity() != null) {
            k.put("sts:SourceIdentity", ContextValue.of(claims.sourceIdentity()));
        }
        SessionTags.putRole(k, role);
        return k;
    }

    /**
     * DurationSeconds (default one hour) up to the role's MaxSessionDuration; "Your role session lasts for the duration
     * that you specify, or until the time specified in the SAML authentication response's SessionNotOnOrAfter value,
     * whichever is shorter" (API Reference). A SessionDuration attribute can only shorten it as well (spec §5.8).
     */
    private static int duration(Integer requested, Role role, SamlSessionClaims claims, SamlAssertion a,
                                Instant now) {
        int d = requested == null ? SessionDurations.DEFAULT_ROLE : requested;
        if (d > role.maxSessionDuration()) {
            throw IamException.validationError(AssumeRoleService.OVER_MAX);
        }
        if (claims.sessionDuration() != null) {
            d = Math.min(d, claims.sessionDuration());
        }
        if (a.sessionNotOnOrAfter() != null) {
            long left = a.sessionNotOnOrAfter().getEpochSecond() - now.getEpochSecond();
            if (left <= 0) {
                throw new IamException(ErrorCode.EXPIRED_TOKEN, "The SAML assertion's SessionNotOnOrAfter has passed");
            }
            d = (int) Math.min(d, left);
        }
        return d;
    }

    private static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }
}
