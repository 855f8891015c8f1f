package io.sigil.server.api.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.sigil.server.testing.SigilTestServer;
import io.sigil.server.testing.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithWebIdentity through the SDK, unsigned, against an identity provider run by the test (AWS STS API
 * Reference, "AssumeRoleWithWebIdentity"; IAM User Guide, "Available keys for AWS OIDC federation"; spec §10 F71).
 * The provider signs with a fresh RSA key; the attacks are the classic ones on JWT verifiers.
 */
class AssumeRoleWithWebIdentitySdkTest {
    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String CLIENT = "sigil-test-app";
    private static SigilTestServer server;
    private static TestIdentityProvider idp;
    private static IamClient iam;
    private static StsClient sts;
    private static String providerArn;

    @BeforeAll
    static void start() {
        server = SigilTestServer.start();
        idp = TestIdentityProvider.start();
        iam = server.rootIam();
        sts = StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
        providerArn = iam.createOpenIDConnectProvider(r -> r.url(idp.issuer()).clientIDList(CLIENT, "second-app"))
                .openIDConnectProviderArn();
    }

    @AfterAll
    static void stop() {
        sts.close();
        iam.close();
        idp.close();
        server.close();
    }

    /** A role trusting the test provider for sts:AssumeRoleWithWebIdentity (and {@code more} actions) on conditions. */
    private static String role(String name, String condition, String... more) {
        StringBuilder actions = new StringBuilder("\"sts:AssumeRoleWithWebIdentity\"");
        for (String a : more) {
            actions.append(",\"").append(a).append('"');
        }
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + providerArn + "\"},\"Action\":[" + actions + "]" + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}]}";
        return iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    }

    private static AssumeRoleWithWebIdentityResponse assume(String roleArn, String token) {
        return assume(roleArn, token, r -> { });
    }

    private static AssumeRoleWithWebIdentityResponse assume(String roleArn, String token,
                                                            Consumer<AssumeRoleWithWebIdentityRequest.Builder> more) {
        return sts.assumeRoleWithWebIdentity(r -> {
            r.roleArn(roleArn).roleSessionName("web-session").webIdentityToken(token);
            more.accept(r);
        });
    }

    private static <E extends StsException> E error(Runnable call, Class<E> type, int status, String code,
                                                    String message) {
        E e = catchThrowableOfType(type, call::run);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        return e;
    }

    private static void invalidToken(Runnable call, String message) {
        error(call, InvalidIdentityTokenException.class, 400, "InvalidIdentityToken", message);
    }

    private static void denied(Runnable call) {
        error(call, StsException.class, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    private static final String NOT_VALIDATED = "The web identity token that was passed could not be validated by "
            + "AWS. Get a new identity token from the identity provider and then retry the request.";

    @Test
    void aValidToken_givesTheRoleSession_withSubjectProviderAudienceAndWorkingCredentials() {
        String roleArn = role("web-basic", null);

        AssumeRoleWithWebIdentityResponse r = assume(roleArn, idp.token(CLIENT, "user-42"));

        assertThat(r.subjectFromWebIdentityToken()).isEqualTo("user-42");
        assertThat(r.provider()).isEqualTo(providerArn);
        assertThat(r.audience()).isEqualTo(CLIENT);
        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/web-basic/web-session");
        assertThat(r.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z2-7]+:web-session");
        assertThat(r.packedPolicySize()).isNull();
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
        try (StsClient session = server.sts(r.credentials())) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(r.assumedRoleUser().arn());
        }
    }

    @Test
    void theAuditEvent_namesTheWebIdentityUser_andTheRolesAccountReceivesIt() {
        String roleArn = role("web-audit", null);
        assume(roleArn, idp.token(CLIENT, "audited-subject"));

        String line = server.awaitAuditLine("audited-subject");
        assertThat(line).contains("\"type\":\"WebIdentityUser\"")
                .contains("\"principalId\":\"" + providerArn + ":" + CLIENT + ":audited-subject\"")
                .contains("\"userName\":\"audited-subject\"")
                .contains("\"identityProvider\":\"" + providerArn + "\"")
                .contains("\"recipientAccountId\":\"" + ACCOUNT + "\"")
                .doesNotContain(idp.token(CLIENT, "audited-subject").split("\\.")[0] + ".");
    }

    @Test
    void theCallNeedsNoSignature_aPlainFormPostIsAnswered() {
        String roleArn = role("web-raw", null);
        String body = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=raw&RoleArn="
                + java.net.URLEncoder.encode(roleArn, StandardCharsets.UTF_8) + "&WebIdentityToken="
                + idp.token(CLIENT, "raw-user");

        var response = server.raw("POST", "/", "application/x-www-form-urlencoded", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<SubjectFromWebIdentityToken>raw-user</SubjectFromWebIdentityToken>");
    }

    @Test
    void f71_theTrustPolicysAudCondition_decides() {
        String roleArn = role("web-aud", "{\"StringEquals\":{\"" + idp.name() + ":aud\":\"" + CLIENT + "\"}}");

        assertThat(assume(roleArn, idp.token(CLIENT, "u")).audience()).isEqualTo(CLIENT);
        denied(() -> assume(roleArn, idp.token("second-app", "u")));
    }

    @Test
    void theTrustPolicysSubCondition_decides() {
        String roleArn = role("web-sub", "{\"StringLike\":{\"" + idp.name() + ":sub\":\"repo:acme/*\"}}");

        assertThat(assume(roleArn, idp.token(CLIENT, "repo:acme/api")).subjectFromWebIdentityToken())
                .isEqualTo("repo:acme/api");
        denied(() -> assume(roleArn, idp.token(CLIENT, "repo:evil/api")));
    }

    @Test
    void theTrustPolicySeesTheRolesOwnTags_asAwsResourceTagAndIamResourceTag() {
        String condition = "{\"StringEquals\":{\"aws:ResourceTag/team\":\"red\",\"iam:ResourceTag/team\":\"red\"}}";
        String red = role("web-tagged-red", condition);
        iam.tagRole(r -> r.roleName("web-tagged-red").tags(t -> t.key("team").value("red")));
        String blue = role("web-tagged-blue", condition);
        iam.tagRole(r -> r.roleName("web-tagged-blue").tags(t -> t.key("team").value("blue")));

        assertThat(assume(red, idp.token(CLIENT, "u")).assumedRoleUser().arn())
                .endsWith(":assumed-role/web-tagged-red/web-session");
        denied(() -> assume(blue, idp.token(CLIENT, "u")));
    }

    @Test
    void aRoleThatDoesNotTrustTheProvider_orDoesNotExist_isAccessDenied() {
        String other = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/other.example.com\"},\"Action\":"
                + "\"sts:AssumeRoleWithWebIdentity\"}]}";
        String roleArn = iam.createRole(r -> r.roleName("web-other").assumeRolePolicyDocument(other)).role().arn();

        denied(() -> assume(roleArn, idp.token(CLIENT, "u")));
        denied(() -> assume("arn:aws:iam::" + ACCOUNT + ":role/no-such-role", idp.token(CLIENT, "u")));
    }

    @Test
    void anExpiredToken_isExpiredTokenException_withAwsText() {
        String roleArn = role("web-expired", null);
        Instant exp = Instant.now().minusSeconds(600);
        String token = idp.token(c -> c.audience(CLIENT).subject("u").issueTime(Date.from(exp.minusSeconds(600)))
                .expirationTime(Date.from(exp)));

        ExpiredTokenException e = error(() -> assume(roleArn, token), ExpiredTokenException.class, 400,
                "ExpiredTokenException", null);
        assertThat(e.awsErrorDetails().errorMessage()).matches("Token expired: current date/time \\d+ must be before "
                + "the expiration date/time " + exp.getEpochSecond());
    }

    @Test
    void aTokenNotValidYet_byNbf_isInvalidIdentityToken() {
        String roleArn = role("web-future", null);
        Instant later = Instant.now().plusSeconds(600);
        String token = idp.token(c -> c.audience(CLIENT).subject("u").notBeforeTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(600))));

        invalidToken(() -> assume(roleArn, token), null);
    }

    @Test
    void aTokenForAnAudienceThatIsNoClientIdOfTheProvider_isIncorrectTokenAudience() {
        String roleArn = role("web-wrong-aud", null);

        invalidToken(() -> assume(roleArn, idp.token("sts.amazonaws.com", "u")), "Incorrect token audience");
    }

    /** AWS's texts: aws-actions/configure-aws-credentials#502 (sub), aws/aws-sdk-ruby#2698 (aud). */
    @Test
    void aTokenWithoutSub_orWithoutAud_isMissingARequiredClaim() {
        String roleArn = role("web-missing-claims", null);

        invalidToken(() -> assume(roleArn, idp.token(c -> c.audience(CLIENT))), "Missing a required claim: sub");
        invalidToken(() -> assume(roleArn, idp.token(c -> c.subject("u"))), "Missing a required claim: aud");
    }

    @Test
    void anAzpThatIsAClientId_isTheAudience_andTheTokensAudIsOaud() {
        String roleArn = role("web-azp", "{\"StringEquals\":{\"" + idp.name() + ":oaud\":\"api://backend\"}}");

        AssumeRoleWithWebIdentityResponse r = assume(roleArn, idp.token(c -> c.audience("api://backend")
                .subject("u").claim("azp", CLIENT)));

        assertThat(r.audience()).isEqualTo(CLIENT);
    }

    @Test
    void aTokenOfAnIssuerNotRegisteredInTheRolesAccount_isNoOpenIdConnectProviderFound() {
        String roleArn = role("web-wrong-iss", null);
        String token = idp.token(c -> c.issuer("https://evil.example.com").audience(CLIENT).subject("u"));

        invalidToken(() -> assume(roleArn, token),
                "No OpenIDConnect provider found in your account for https://evil.example.com");
    }

    @Test
    void anUnsignedToken_algNone_isNotAValidJwt() {
        String roleArn = role("web-none", null);
        String token = new PlainJWT(new JWTClaimsSet.Builder().issuer(idp.issuer()).audience(CLIENT).subject("u")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build()).serialize();

        invalidToken(() -> assume(roleArn, token), "The ID Token provided is not a valid JWT. (You may see this error "
                + "if you sent an Access Token)");
    }

    @Test
    void anHs256TokenKeyedWithTheProvidersPublicKey_isRefused() throws Exception {
        String roleArn = role("web-hs256", null);
        byte[] secret = idp.key().toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("key-1").build(),
                new JWTClaimsSet.Builder().issuer(idp.issuer()).audience(CLIENT).subject("admin")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        forged.sign(new MACSigner(secret));

        invalidToken(() -> assume(roleArn, forged.serialize()), NOT_VALIDATED);
    }

    @Test
    void aTamperedPayload_failsTheSignature() {
        String roleArn = role("web-tampered", null);
        String[] parts = idp.token(CLIENT, "user").split("\\.");
        String claims = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace("\"user\"",
                "\"admin\"");
        String token = parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];

        invalidToken(() -> assume(roleArn, token), NOT_VALIDATED);
    }

    @Test
    void aTokenSignedByAnotherKeyUnderThePublishedKid_failsTheSignature() {
        String roleArn = role("web-other-key", null);
        RSAKey impostor = TestIdentityProvider.newKey("key-1");

        invalidToken(() -> assume(roleArn, idp.sign(impostor, c -> c.audience(CLIENT).subject("u"))), NOT_VALIDATED);
    }

    @Test
    void anUnknownKid_refreshesTheKeysOnce_thenFails_andARotatedKeyIsFoundByThatRefresh() {
        String roleArn = role("web-kid", null);
        assume(roleArn, idp.token(CLIENT, "warm-the-cache"));
        int before = idp.jwksFetches();

        invalidToken(() -> assume(roleArn, idp.sign(TestIdentityProvider.newKey("unknown"),
                c -> c.audience(CLIENT).subject("u"))), "Couldn't retrieve verification key from your identity "
                + "provider,  please reference AssumeRoleWithWebIdentity documentation for requirements");
        assertThat(idp.jwksFetches()).isEqualTo(before + 1);
        invalidToken(() -> assume(roleArn, idp.sign(TestIdentityProvider.newKey("unknown-2"),
                c -> c.audience(CLIENT).subject("u"))), null);
        assertThat(idp.jwksFetches()).as("at most one refresh per interval").isEqualTo(before + 1);

        server.clock().set(java.time.Duration.ofSeconds(31));
        try {
            RSAKey rotated = TestIdentityProvider.newKey("key-2");
            idp.publish(rotated);
            AssumeRoleWithWebIdentityResponse r = assume(roleArn, idp.sign(rotated, c -> c.audience(CLIENT)
                    .subject("after-rotation")));
            assertThat(r.subjectFromWebIdentityToken()).isEqualTo("after-rotation");
            assertThat(idp.jwksFetches()).isEqualTo(before + 2);
        } finally {
            server.clock().reset();
        }
    }

    @Test
    void aNonJwtToken_isNotAValidJwt() {
        String roleArn = role("web-garbage", null);
        invalidToken(() -> assume(roleArn, "not-a-jwt-at-all"), "The ID Token provided is not a valid JWT. (You may "
                + "see this error if you sent an Access Token)");
    }

    @Test
    void aProviderThatCannotBeReached_isIdpCommunicationError() throws Exception {
        TestIdentityProvider gone = TestIdentityProvider.start();
        String arn = iam.createOpenIDConnectProvider(r -> r.url(gone.issuer()).clientIDList(CLIENT))
                .openIDConnectProviderArn();
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + arn + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        String roleArn = iam.createRole(r -> r.roleName("web-gone").assumeRolePolicyDocument(trust)).role().arn();
        String token = gone.token(CLIENT, "u");
        gone.close();

        error(() -> assume(roleArn, token), IdpCommunicationErrorException.class, 400, "IDPCommunicationError", null);
    }

    @Test
    void sessionTagsFromTheTagsClaim_needTagSessionInTheTrustPolicy_andArePacked() {
        Consumer<JWTClaimsSet.Builder> tagged = c -> c.audience(CLIENT).subject("u").claim("https://aws.amazon.com/tags",
                Map.of("principal_tags", Map.of("Project", List.of("Automation")),
                        "transitive_tag_keys", List.of("Project")));
        String without = role("web-tags-denied", null);
        String with = role("web-tags", null, "sts:TagSession");

        denied(() -> assume(without, idp.token(tagged)));
        AssumeRoleWithWebIdentityResponse r = assume(with, idp.token(tagged));
        assertThat(r.packedPolicySize()).isPositive();
    }

    @Test
    void sessionTagsBeyondThePackedBudget_arePackedPolicyTooLarge() {
        java.util.Map<String, List<String>> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            many.put("key-" + i, List.of(java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID()));
        }
        String roleArn = role("web-tags-large", null, "sts:TagSession");

        error(() -> assume(roleArn, idp.token(c -> c.audience(CLIENT).subject("u").claim("https://aws.amazon.com/tags",
                Map.of("principal_tags", many)))), software.amazon.awssdk.services.sts.model
                .PackedPolicyTooLargeException.class, 400, "PackedPolicyTooLarge", null);
    }

    @Test
    void aSourceIdentityClaim_needsSetSourceIdentity_andIsAnswered() {
        Consumer<JWTClaimsSet.Builder> claims = c -> c.audience(CLIENT).subject("u")
                .claim("https://aws.amazon.com/source_identity", "alice");
        String without = role("web-si-denied", null);
        String with = role("web-si", null, "sts:SetSourceIdentity");

        denied(() -> assume(without, idp.token(claims)));
        assertThat(assume(with, idp.token(claims)).sourceIdentity()).isEqualTo("alice");
    }

    @Test
    void durationSeconds_isCappedByTheRolesMaxSessionDuration() {
        String roleArn = role("web-duration", null);

        AssumeRoleWithWebIdentityResponse r = assume(roleArn, idp.token(CLIENT, "u"), b -> b.durationSeconds(900));
        assertThat(r.credentials().expiration()).isBefore(Instant.now().plusSeconds(901));
        error(() -> assume(roleArn, idp.token(CLIENT, "u"), b -> b.durationSeconds(7200)), StsException.class, 400,
                "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }

    @Test
    void theRoleSession_carriesFederatedProviderAndTheTokensKeys_intoItsPermissionPolicies() {
        String roleArn = role("web-perm", null);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\","
                + "\"Resource\":\"" + roleArn + "\",\"Condition\":{\"StringEquals\":{\"aws:FederatedProvider\":\""
                + providerArn + "\",\"" + idp.name() + ":sub\":\"alice\"}}}]}";
        iam.putRolePolicy(r -> r.roleName("web-perm").policyName("by-subject").policyDocument(policy));

        try (IamClient alice = server.iam(assume(roleArn, idp.token(CLIENT, "alice")).credentials());
             IamClient bob = server.iam(assume(roleArn, idp.token(CLIENT, "bob")).credentials())) {
            assertThat(alice.getRole(r -> r.roleName("web-perm")).role().arn()).isEqualTo(roleArn);
            software.amazon.awssdk.services.iam.model.IamException e = catchThrowableOfType(
                    software.amazon.awssdk.services.iam.model.IamException.class,
                    () -> bob.getRole(r -> r.roleName("web-perm")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void aSessionPolicy_isValidatedAndPacked() {
        String roleArn = role("web-policy", null);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]}";

        assertThat(assume(roleArn, idp.token(CLIENT, "u"), b -> b.policy(policy)).packedPolicySize()).isPositive();
        error(() -> assume(roleArn, idp.token(CLIENT, "u"), b -> b.policy("{\"Version\":\"2012-10-17\"}")),
                MalformedPolicyDocumentException.class, 400, "MalformedPolicyDocument", null);
    }
}
