package io.sigil.server.api.sts;

import static io.sigil.server.api.sts.RoleFixture.trust;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sigil.iam.model.Role;
import io.sigil.server.testing.SigilTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.FeatureDisabledException;
import software.amazon.awssdk.services.iam.model.FeatureEnabledException;
import software.amazon.awssdk.services.iam.model.GetOutboundWebIdentityFederationInfoResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetWebIdentityTokenResponse;
import software.amazon.awssdk.services.sts.model.OutboundWebIdentityFederationDisabledException;
import software.amazon.awssdk.services.sts.model.SessionDurationEscalationException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * EnableOutboundWebIdentityFederation, DisableOutboundWebIdentityFederation, GetOutboundWebIdentityFederationInfo
 * (IAM API Reference) and STS GetWebIdentityToken (STS API Reference; IAM User Guide, "Understanding token claims")
 * through the AWS SDK, with the issued tokens verified by nimbus against the JWKS the issuer serves on Sigil's port.
 * Each test owns a fresh account, since the feature is an account setting.
 */
class WebIdentityTokenSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String enable(AccountFixture a) {
        try (IamClient iam = a.iam()) {
            return iam.enableOutboundWebIdentityFederation(r -> { }).issuerIdentifier();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The token's claims after checking its signature with the key the issuer's JWKS publishes under its kid. */
    private static JWTClaimsSet verified(String issuer, String token) throws Exception {
        JsonNode discovery = JSON.readTree(get(issuer + "/.well-known/openid-configuration").body());
        assertThat(discovery.get("issuer").asText()).isEqualTo(issuer);
        JWKSet keys = JWKSet.parse(get(discovery.get("jwks_uri").asText()).body());
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is in the JWKS").isNotNull();
        assertThat(key.isPrivate()).as("the JWKS publishes public keys only").isFalse();
        JWSVerifier v = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier(key.toRSAKey());
        assertThat(jwt.verify(v)).as("signature verifies").isTrue();
        return jwt.getJWTClaimsSet();
    }

    @Test
    void enable_answersAnIssuerOnSigilsPortServingDiscoveryAndJwks_andASecondEnableIsFeatureEnabled() throws Exception {
        AccountFixture a = AccountFixture.create();
        String issuer = enable(a);
        assertThat(issuer).startsWith(AccountFixture.server().endpoint() + "/_sigil/outbound/");
        HttpResponse<String> discovery = get(issuer + "/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(discovery.body()).get("jwks_uri").asText())
                .isEqualTo(issuer + "/.well-known/jwks.json");
        JWKSet keys = JWKSet.parse(get(issuer + "/.well-known/jwks.json").body());
        assertThat(keys.getKeys()).extracting(k -> k.getAlgorithm().getName())
                .containsExactlyInAnyOrder("RS256", "ES384");
        assertThat(get(issuer + "/.well-known/nothing").statusCode()).isEqualTo(404);
        assertThat(get(AccountFixture.server().endpoint() + "/_sigil/outbound/unknown/.well-known/jwks.json")
                .statusCode()).isEqualTo(404);

        try (IamClient iam = a.iam()) {
            assertThatThrownBy(() -> iam.enableOutboundWebIdentityFederation(r -> { }))
                    .isInstanceOfSatisfying(FeatureEnabledException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("FeatureEnabled");
                    });
        }
    }

    @Test
    void info_isFeatureDisabledBeforeTheFirstEnable_andAfterDisableKeepsTheSameIssuerWithVendingOff() {
        AccountFixture a = AccountFixture.create();
        try (IamClient iam = a.iam()) {
            assertThatThrownBy(() -> iam.getOutboundWebIdentityFederationInfo(r -> { }))
                    .isInstanceOfSatisfying(FeatureDisabledException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(404);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("FeatureDisabled");
                    });
            assertThatThrownBy(() -> iam.disableOutboundWebIdentityFederation(r -> { }))
                    .isInstanceOf(FeatureDisabledException.class);
            String issuer = iam.enableOutboundWebIdentityFederation(r -> { }).issuerIdentifier();
            GetOutboundWebIdentityFederationInfoResponse on = iam.getOutboundWebIdentityFederationInfo(r -> { });
            assertThat(on.issuerIdentifier()).isEqualTo(issuer);
            assertThat(on.jwtVendingEnabled()).isTrue();

            iam.disableOutboundWebIdentityFederation(r -> { });
            GetOutboundWebIdentityFederationInfoResponse off = iam.getOutboundWebIdentityFederationInfo(r -> { });
            assertThat(off.issuerIdentifier()).isEqualTo(issuer);
            assertThat(off.jwtVendingEnabled()).isFalse();
            assertThatThrownBy(() -> iam.disableOutboundWebIdentityFederation(r -> { }))
                    .isInstanceOf(FeatureDisabledException.class);
            assertThat(iam.enableOutboundWebIdentityFederation(r -> { }).issuerIdentifier())
                    .as("re-enabling keeps the issuer").isEqualTo(issuer);
        }
    }

    @Test
    void getWebIdentityToken_whileTheFeatureIsOff_isOutboundWebIdentityFederationDisabled403() {
        AccountFixture a = AccountFixture.create();
        try (StsClient sts = a.sts()) {
            assertThatThrownBy(() -> sts.getWebIdentityToken(r -> r.audience("https://rp.example")
                    .signingAlgorithm("RS256")))
                    .isInstanceOfSatisfying(OutboundWebIdentityFederationDisabledException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode())
                                .isEqualTo("OutboundWebIdentityFederationDisabledException");
                    });
        }
    }

    @Test
    void tokensOfAUser_verifyAgainstTheServedJwks_inBothAlgorithms_withTheDocumentedClaims() throws Exception {
        AccountFixture a = AccountFixture.create();
        String issuer = enable(a);
        software.amazon.awssdk.services.iam.model.AccessKey key;
        try (IamClient iam = a.iam()) {
            iam.createUser(r -> r.userName("wit-user").tags(Tag.builder().key("team").value("data").build()));
            iam.putUserPolicy(r -> r.userName("wit-user").policyName("p").policyDocument(StsServer.policy("Allow",
                    "[\"sts:GetWebIdentityToken\",\"sts:TagGetWebIdentityToken\"]", "*")));
            key = iam.createAccessKey(r -> r.userName("wit-user")).accessKey();
        }
        String userArn = "arn:aws:iam::" + a.accountId() + ":user/wit-user";
        try (StsClient sts = AccountFixture.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            for (String alg : List.of("RS256", "ES384")) {
                GetWebIdentityTokenResponse out = sts.getWebIdentityToken(r -> r
                        .audience("https://rp.example", "https://other.example").signingAlgorithm(alg)
                        .durationSeconds(900).tags(software.amazon.awssdk.services.sts.model.Tag.builder()
                                .key("job").value("42").build()));
                JWTClaimsSet c = verified(issuer, out.webIdentityToken());
                assertThat(SignedJWT.parse(out.webIdentityToken()).getHeader().getAlgorithm().getName())
                        .isEqualTo(alg);
                assertThat(c.getIssuer()).isEqualTo(issuer);
                assertThat(c.getAudience()).containsExactly("https://rp.example", "https://other.example");
                assertThat(c.getSubject()).isEqualTo(userArn);
                assertThat(c.getJWTID()).isNotBlank();
                assertThat(c.getExpirationTime().toInstant()).isEqualTo(out.expiration());
                assertThat(c.getExpirationTime().getTime() - c.getIssueTime().getTime()).isEqualTo(900_000L);
                Map<String, Object> aws = c.getJSONObjectClaim("https://sts.amazonaws.com/");
                assertThat(aws).containsEntry("aws_account", a.accountId()).containsEntry("principal_id", userArn)
                        .containsEntry("source_region", "us-east-1")
                        .containsEntry("principal_tags", Map.of("team", "data"))
                        .containsEntry("request_tags", Map.of("job", "42"));
            }
        }
    }

    @Test
    void withoutDurationSeconds_theTokenLives300Seconds() throws Exception {
        AccountFixture a = AccountFixture.create();
        String issuer = enable(a);
        try (StsClient sts = a.sts()) {
            String token = sts.getWebIdentityToken(r -> r.audience("https://rp.example").signingAlgorithm("ES384"))
                    .webIdentityToken();
            JWTClaimsSet c = verified(issuer, token);
            assertThat(c.getExpirationTime().getTime() - c.getIssueTime().getTime()).isEqualTo(300_000L);
            assertThat(c.getSubject()).isEqualTo("arn:aws:iam::" + a.accountId() + ":root");
        }
    }

    @Test
    void anAlgorithmOtherThanRs256OrEs384_andADurationOutside60To3600_areValidationErrors() {
        AccountFixture a = AccountFixture.create();
        enable(a);
        try (StsClient sts = a.sts()) {
            assertThatThrownBy(() -> sts.getWebIdentityToken(r -> r.audience("x").signingAlgorithm("HS256")))
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    });
            for (int bad : new int[] {59, 3601}) {
                assertThatThrownBy(() -> sts.getWebIdentityToken(r -> r.audience("x").signingAlgorithm("RS256")
                        .durationSeconds(bad)))
                        .isInstanceOfSatisfying(StsException.class, e ->
                                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
            }
            for (int ok : new int[] {60, 3600}) {
                assertThat(sts.getWebIdentityToken(r -> r.audience("x").signingAlgorithm("RS256")
                        .durationSeconds(ok)).webIdentityToken()).isNotBlank();
            }
        }
    }

    @Test
    void theAudienceAndDurationKeys_andTagging_areAuthorisedAsTheServiceAuthorizationReferenceSays() {
        AccountFixture a = AccountFixture.create();
        enable(a);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:GetWebIdentityToken\",\"Resource\":\"*\",\"Condition\":{"
                + "\"ForAllValues:StringEquals\":{\"sts:IdentityTokenAudience\":\"https://api.example\"},"
                + "\"NumericLessThanEquals\":{\"sts:DurationSeconds\":\"300\"}}}]}";
        software.amazon.awssdk.services.iam.model.AccessKey key;
        try (IamClient iam = a.iam()) {
            iam.createUser(r -> r.userName("wit-limited"));
            iam.putUserPolicy(r -> r.userName("wit-limited").policyName("p").policyDocument(policy));
            key = iam.createAccessKey(r -> r.userName("wit-limited")).accessKey();
        }
        try (StsClient sts = AccountFixture.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getWebIdentityToken(r -> r.audience("https://api.example").signingAlgorithm("RS256")
                    .durationSeconds(300)).webIdentityToken()).isNotBlank();
            assertDenied(() -> sts.getWebIdentityToken(r -> r.audience("https://elsewhere.example")
                    .signingAlgorithm("RS256").durationSeconds(300)), "sts:GetWebIdentityToken");
            assertDenied(() -> sts.getWebIdentityToken(r -> r.audience("https://api.example")
                    .signingAlgorithm("RS256").durationSeconds(301)), "sts:GetWebIdentityToken");
            assertDenied(() -> sts.getWebIdentityToken(r -> r.audience("https://api.example")
                    .signingAlgorithm("RS256").durationSeconds(300).tags(
                            software.amazon.awssdk.services.sts.model.Tag.builder().key("k").value("v").build())),
                    "sts:TagGetWebIdentityToken");
        }
    }

    private static void assertDenied(Runnable call, String action) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("is not authorized to perform: " + action);
        });
    }

    @Test
    void aRoleSession_getsTheRoleAsSubject_andCannotAskForATokenOutlivingItsSession() throws Exception {
        AccountFixture a = AccountFixture.create();
        String issuer = enable(a);
        Role role = RoleFixture.role(a.accountId(), "wit-role", trust("arn:aws:iam::" + a.accountId() + ":root",
                "\"sts:AssumeRole\"", null), StsServer.policy("Allow", "\"sts:GetWebIdentityToken\"", "*"), 3600,
                List.of());
        software.amazon.awssdk.services.iam.model.AccessKey key;
        try (IamClient iam = a.iam()) {
            iam.createUser(r -> r.userName("wit-assumer"));
            iam.putUserPolicy(r -> r.userName("wit-assumer").policyName("p")
                    .policyDocument(StsServer.policy("Allow", "\"sts:AssumeRole\"", role.arn())));
            key = iam.createAccessKey(r -> r.userName("wit-assumer")).accessKey();
        }
        Credentials session;
        try (StsClient sts = AccountFixture.server().sts(key.accessKeyId(), key.secretAccessKey())) {
            session = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("wit-session").durationSeconds(900))
                    .credentials();
        }
        SigilTestServer server = AccountFixture.server();
        try (StsClient sts = server.sts(session)) {
            JWTClaimsSet c = verified(issuer, sts.getWebIdentityToken(r -> r.audience("a").signingAlgorithm("RS256")
                    .durationSeconds(600)).webIdentityToken());
            assertThat(c.getSubject()).isEqualTo(role.arn());
            assertThatThrownBy(() -> sts.getWebIdentityToken(r -> r.audience("a").signingAlgorithm("RS256")
                    .durationSeconds(3600)))
                    .isInstanceOfSatisfying(SessionDurationEscalationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SessionDurationEscalationException");
                    });
        }
    }
}
