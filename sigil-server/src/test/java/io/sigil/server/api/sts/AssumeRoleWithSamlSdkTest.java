package io.sigil.server.api.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.saml.SamlMetadata;
import io.sigil.iam.saml.TestSaml;
import io.sigil.server.testing.ServerPerClass;
import io.sigil.server.testing.SigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRoleWithSAML through the SDK, unsigned as the SDK sends it (AWS STS API Reference, "AssumeRoleWithSAML"; IAM
 * User Guide, "Configure SAML assertions for the authentication response", "Troubleshooting SAML 2.0 federation";
 * spec §10 G68–G70). Responses are built and signed in the test with per-run RSA keys ({@link TestSaml}).
 */
class AssumeRoleWithSamlSdkTest {

    private static final String ACCOUNT = SigilTestServer.ACCOUNT_ID;
    private static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":saml-provider/ExampleOrgSSOProvider";
    private static final TestSaml.Idp IDP = TestSaml.Idp.create("https://openidp.feide.no");
    private static final String ASSUME = "\"sts:AssumeRoleWithSAML\"";

    @RegisterExtension
    static final ServerPerClass SIGIL = new ServerPerClass();

    private static StsClient anonymous;

    @BeforeAll
    static void start() {
        anonymous = StsClient.builder().endpointOverride(SIGIL.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
        SIGIL.root().createSAMLProvider(r -> r.name("ExampleOrgSSOProvider").samlMetadataDocument(IDP.metadata()));
    }

    @AfterAll
    static void stop() {
        anonymous.close();
    }

    /** A role trusting the provider for {@code actions}, with an optional Condition block. */
    private static String role(String name, String actions, String condition) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Federated\":\"" + PROVIDER + "\"},\"Action\":[" + actions + "]"
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}";
        return SIGIL.root().createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust).maxSessionDuration(7200))
                .role().arn();
    }

    private static TestSaml.Response response(String roleArn) {
        return new TestSaml.Response(IDP.entityId(), Instant.now()).role(roleArn, PROVIDER, "jdoe@example.com");
    }

    private static AssumeRoleWithSamlResponse assume(String roleArn, String assertion) {
        return assume(roleArn, assertion, b -> { });
    }

    private static AssumeRoleWithSamlResponse assume(String roleArn, String assertion,
                                                     Consumer<AssumeRoleWithSamlRequest.Builder> more) {
        return anonymous.assumeRoleWithSAML(b -> {
            b.roleArn(roleArn).principalArn(PROVIDER).samlAssertion(assertion);
            more.accept(b);
        });
    }

    private static <E extends AwsServiceException> void refused(ThrowingCallable call, Class<E> type, int status,
                                                                String code, String message) {
        E e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
    }

    private static void invalidToken(ThrowingCallable call, String message) {
        refused(call, InvalidIdentityTokenException.class, 400, "InvalidIdentityToken", message);
    }

    private static void notAuthorized(ThrowingCallable call) {
        refused(call, StsException.class, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML");
    }

    private static long secondsLeft(AssumeRoleWithSamlResponse out) {
        return Duration.between(Instant.now(), out.credentials().expiration()).getSeconds();
    }

    @Test
    void aSignedAssertion_givesAnAssumedRoleSession_withTheAssertionsSubjectIssuerAudienceAndNameQualifier() {
        String roleArn = role("saml-basic", ASSUME, null);

        AssumeRoleWithSamlResponse out = assume(roleArn, response(roleArn).signedAssertion(IDP));

        String sessionArn = "arn:aws:sts::" + ACCOUNT + ":assumed-role/saml-basic/jdoe@example.com";
        assertThat(out.assumedRoleUser().arn()).isEqualTo(sessionArn);
        assertThat(out.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z2-7]{17}:jdoe@example.com");
        assertThat(out.subject()).isEqualTo("jdoe");
        assertThat(out.subjectType()).isEqualTo("persistent");
        assertThat(out.issuer()).isEqualTo("https://openidp.feide.no");
        assertThat(out.audience()).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(out.nameQualifier()).isEqualTo(io.sigil.iam.saml.SamlContextKeys.nameQualifier(
                "https://openidp.feide.no", ACCOUNT, "ExampleOrgSSOProvider"));
        assertThat(out.packedPolicySize()).isNull();
        assertThat(out.sourceIdentity()).isNull();
        assertThat(secondsLeft(out)).as("default one hour").isBetween(3590L, 3600L);
        assertThat(out.credentials().accessKeyId()).startsWith("ASIA");
        try (StsClient session = SIGIL.server().sts(out.credentials())) {
            assertThat(session.getCallerIdentity().arn()).isEqualTo(sessionArn);
        }
    }

    @Test
    void aSignedResponse_isAcceptedToo_andASignedCallIsVerifiedAndAccepted() {
        String roleArn = role("saml-signed-call", ASSUME, null);
        assertThat(assume(roleArn, response(roleArn).signedResponse(IDP)).subject()).isEqualTo("jdoe");
        try (StsClient signed = SIGIL.server().rootSts()) {
            assertThat(signed.assumeRoleWithSAML(b -> b.roleArn(roleArn).principalArn(PROVIDER)
                    .samlAssertion(response(roleArn).signedAssertion(IDP))).subject()).isEqualTo("jdoe");
        }
    }

    @Test
    void otherStsOperations_stillNeedASignature() {
        refused(() -> anonymous.getCallerIdentity(), StsException.class, 403, "MissingAuthenticationToken", null);
    }

    @Test
    void anUnsignedResponse_isResponseSignatureInvalid() {
        String roleArn = role("saml-unsigned", ASSUME, null);
        invalidToken(() -> assume(roleArn, response(roleArn).unsigned()), "Response signature invalid");
    }

    @Test
    void aResponseSignedByAKeyOutsideTheMetadata_isResponseSignatureInvalid() {
        String roleArn = role("saml-unknown-key", ASSUME, null);
        TestSaml.Idp impostor = TestSaml.Idp.create(IDP.entityId());
        invalidToken(() -> assume(roleArn, response(roleArn).signedAssertion(impostor)), "Response signature invalid");
    }

    @Test
    void aResponseTamperedAfterSigning_isResponseSignatureInvalid() {
        String roleArn = role("saml-tampered", ASSUME, null);
        String signed = TestSaml.decode(response(roleArn).signedAssertion(IDP));
        String tampered = signed.replace(">jdoe<", ">admin<");
        assertThat(tampered).isNotEqualTo(signed);
        invalidToken(() -> assume(roleArn, TestSaml.encode(tampered)), "Response signature invalid");
    }

    @Test
    void aResponseTamperedAndReSignedByAnotherKey_isResponseSignatureInvalid() {
        String roleArn = role("saml-resigned", ASSUME, null);
        TestSaml.Response evil = response(roleArn);
        evil.nameId = "admin";
        invalidToken(() -> assume(roleArn, evil.signedResponse(TestSaml.Idp.create(IDP.entityId()))),
                "Response signature invalid");
    }

    @Test
    void aWrappedSignature_signedAssertionMovedAwayAndAnEvilOneInItsPlace_isRefused() throws Exception {
        String roleArn = role("saml-wrapped", ASSUME, null);
        Document doc = TestSaml.parse(TestSaml.decode(response(roleArn).signedAssertion(IDP)));
        Element root = doc.getDocumentElement();
        Element signed = (Element) root.getElementsByTagNameNS(TestSaml.ASSERTION, "Assertion").item(0);
        Element evil = (Element) signed.cloneNode(true);
        evil.removeChild(evil.getElementsByTagNameNS(SamlMetadata.DS, "Signature").item(0));
        evil.getElementsByTagNameNS(TestSaml.ASSERTION, "NameID").item(0).setTextContent("admin");
        evil.setAttribute("ID", "_evil");
        root.replaceChild(evil, signed);
        Element extensions = doc.createElementNS(TestSaml.PROTOCOL, "samlp:Extensions");
        extensions.appendChild(signed);
        root.insertBefore(extensions, evil);

        invalidToken(() -> assume(roleArn, TestSaml.encode(TestSaml.serialize(doc))),
                "The SAMLResponse is not a valid SAML 2.0 Response");
    }

    @Test
    void aResponseWithADoctypeAndExternalEntity_isRefused() {
        String roleArn = role("saml-xxe", ASSUME, null);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + TestSaml.decode(response(roleArn).signedAssertion(IDP)).replace(">jdoe<", ">&x;<");
        invalidToken(() -> assume(roleArn, TestSaml.encode(xxe)), "The SAMLResponse is not a valid SAML 2.0 Response");
    }

    @Test
    void notBase64_isInvalidBase64SamlResponse() {
        String roleArn = role("saml-base64", ASSUME, null);
        invalidToken(() -> assume(roleArn, "***" + "A".repeat(10)), "Invalid base64 SAMLResponse");
    }

    @Test
    void anExpiredAssertion_isExpiredTokenException() {
        String roleArn = role("saml-expired", ASSUME, null);
        TestSaml.Response r = response(roleArn);
        r.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(10));
        refused(() -> assume(roleArn, r.signedAssertion(IDP)), ExpiredTokenException.class, 400,
                "ExpiredTokenException", "The SAML assertion has expired");
        TestSaml.Response old = new TestSaml.Response(IDP.entityId(), Instant.now().minus(Duration.ofMinutes(20)))
                .role(roleArn, PROVIDER, "jdoe");
        old.notOnOrAfter = Instant.now().plus(Duration.ofHours(1));
        old.subjectNotOnOrAfter = Instant.now().plus(Duration.ofHours(1));
        refused(() -> assume(roleArn, old.signedAssertion(IDP)), ExpiredTokenException.class, 400,
                "ExpiredTokenException", "Token must be redeemed within 5 minutes of issuance");
    }

    @Test
    void anAssertionFromTheFuture_isNotYetValid() {
        String roleArn = role("saml-future", ASSUME, null);
        TestSaml.Response r = response(roleArn);
        r.notBefore = Instant.now().plus(Duration.ofMinutes(30));
        invalidToken(() -> assume(roleArn, r.signedAssertion(IDP)), "The SAML assertion is not yet valid");
    }

    @Test
    void aWrongAudienceOrRecipient_isRefused() {
        String roleArn = role("saml-audience", ASSUME, null);
        TestSaml.Response audience = response(roleArn);
        audience.audiences = java.util.List.of("https://app.example.com/saml");
        invalidToken(() -> assume(roleArn, audience.signedAssertion(IDP)),
                "The SAML assertion's audience restriction does not include AWS");
        TestSaml.Response recipient = response(roleArn);
        recipient.recipient = "https://app.example.com/saml";
        invalidToken(() -> assume(roleArn, recipient.signedAssertion(IDP)),
                "The SAML assertion's Recipient is not an AWS sign-in endpoint");
    }

    @Test
    void theRequestedRolePairMissingFromTheAssertion_isInvalidIdentityToken() {
        String roleArn = role("saml-pair", ASSUME, null);
        String other = role("saml-pair-other", ASSUME, null);
        invalidToken(() -> assume(roleArn, response(other).signedAssertion(IDP)),
                "SAML Assertion doesn't contain the requested Role and Metadata in the attributes");
        TestSaml.Response reversed = new TestSaml.Response(IDP.entityId(), Instant.now());
        reversed.attribute(TestSaml.ROLE_ATTRIBUTE, PROVIDER + "," + roleArn);
        reversed.attribute(TestSaml.SESSION_NAME_ATTRIBUTE, "jdoe");
        assertThat(assume(roleArn, reversed.signedAssertion(IDP)).subject()).as("either order").isEqualTo("jdoe");
    }

    @Test
    void anUnknownProvider_isSpecifiedProviderDoesntExist() {
        String roleArn = role("saml-no-provider", ASSUME, null);
        invalidToken(() -> anonymous.assumeRoleWithSAML(b -> b.roleArn(roleArn)
                        .principalArn("arn:aws:iam::" + ACCOUNT + ":saml-provider/Nope")
                        .samlAssertion(response(roleArn).signedAssertion(IDP))),
                "Specified provider doesn't exist");
    }

    /** AWS's texts: cevoaustralia/aws-google-auth#163 (swapped), oktadev/okta-aws-cli-assume-role#307. */
    @Test
    void arnsOfTheWrongKind_areValidationErrors_principalFirst() {
        String roleArn = role("saml-wrong-arns", ASSUME, null);
        String assertion = response(roleArn).signedAssertion(IDP);
        refused(() -> anonymous.assumeRoleWithSAML(b -> b.roleArn(PROVIDER).principalArn(roleArn)
                .samlAssertion(assertion)), StsException.class, 400, "ValidationError", "Principal ARN is invalid");
        refused(() -> anonymous.assumeRoleWithSAML(b -> b.roleArn(PROVIDER).principalArn(PROVIDER)
                .samlAssertion(assertion)), StsException.class, 400, "ValidationError", "Request ARN is invalid");
    }

    /** Spec §10 G70. */
    @Test
    void roleSessionName_isRequired_andMustMatchThePattern() {
        String roleArn = role("saml-session-name", ASSUME, null);
        TestSaml.Response none = new TestSaml.Response(IDP.entityId(), Instant.now());
        none.attribute(TestSaml.ROLE_ATTRIBUTE, roleArn + "," + PROVIDER);
        invalidToken(() -> assume(roleArn, none.signedAssertion(IDP)), "RoleSessionName is required in AuthnResponse");
        for (String bad : new String[] {"Bob Smith", "b".repeat(65), "x"}) {
            TestSaml.Response r = new TestSaml.Response(IDP.entityId(), Instant.now()).role(roleArn, PROVIDER, bad);
            invalidToken(() -> assume(roleArn, r.signedAssertion(IDP)),
                    "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
        }
        TestSaml.Response longest = new TestSaml.Response(IDP.entityId(), Instant.now())
                .role(roleArn, PROVIDER, "b".repeat(64));
        assertThat(assume(roleArn, longest.signedAssertion(IDP)).assumedRoleUser().arn()).endsWith("b".repeat(64));
    }

    /** Spec §10 G70: an issuer that is not the provider's. */
    @Test
    void anIssuerNotInTheProviderMetadata_isIssuerNotPresent() {
        String roleArn = role("saml-issuer", ASSUME, null);
        TestSaml.Idp other = TestSaml.Idp.create("https://other.example.com/saml");
        TestSaml.Response r = new TestSaml.Response(other.entityId(), Instant.now()).role(roleArn, PROVIDER, "jdoe");
        invalidToken(() -> assume(roleArn, r.signedAssertion(other)), "Issuer not present in specified provider");
    }

    @Test
    void sessionDuration_canOnlyShortenTheSession_andOver43200IsInvalid() {
        String roleArn = role("saml-duration", ASSUME, null);
        TestSaml.Response shorter = response(roleArn).attribute(
                "https://aws.amazon.com/SAML/Attributes/SessionDuration", "1800");
        assertThat(secondsLeft(assume(roleArn, shorter.signedAssertion(IDP)))).isBetween(1790L, 1800L);
        TestSaml.Response longer = response(roleArn).attribute(
                "https://aws.amazon.com/SAML/Attributes/SessionDuration", "7200");
        assertThat(secondsLeft(assume(roleArn, longer.signedAssertion(IDP)))).as("the default hour stays")
                .isBetween(3590L, 3600L);
        TestSaml.Response over = response(roleArn).attribute(
                "https://aws.amazon.com/SAML/Attributes/SessionDuration", "43201");
        invalidToken(() -> assume(roleArn, over.signedAssertion(IDP)),
                "SessionDuration in AuthnResponse must be an integer between 900 and 43200");
    }

    @Test
    void durationSeconds_upToTheRolesMaximum_cutBySessionNotOnOrAfter() {
        String roleArn = role("saml-duration-seconds", ASSUME, null);
        assertThat(secondsLeft(assume(roleArn, response(roleArn).signedAssertion(IDP), b -> b.durationSeconds(7200))))
                .isBetween(7190L, 7200L);
        refused(() -> assume(roleArn, response(roleArn).signedAssertion(IDP), b -> b.durationSeconds(7201)),
                StsException.class, 400, "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        TestSaml.Response capped = response(roleArn);
        capped.sessionNotOnOrAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(20));
        assertThat(secondsLeft(assume(roleArn, capped.signedAssertion(IDP), b -> b.durationSeconds(7200))))
                .isBetween(1180L, 1200L);
    }

    @Test
    void withoutANameId_isAccessDenied() {
        String roleArn = role("saml-no-nameid", ASSUME, null);
        TestSaml.Response r = response(roleArn);
        r.withNameId = false;
        notAuthorized(() -> assume(roleArn, r.signedAssertion(IDP)));
    }

    @Test
    void aRoleThatDoesNotExistOrDoesNotTrustTheProvider_isAccessDenied() {
        String missing = "arn:aws:iam::" + ACCOUNT + ":role/saml-missing";
        notAuthorized(() -> assume(missing, response(missing).signedAssertion(IDP)));
        String trustsAssumeRoleOnly = role("saml-wrong-action", "\"sts:AssumeRole\"", null);
        notAuthorized(() -> assume(trustsAssumeRoleOnly, response(trustsAssumeRoleOnly).signedAssertion(IDP)));
    }

    /** Spec §10 G68 (IAM User Guide, "Overview of the role to allow SAML-federated access"). */
    @Test
    void g68_trustPolicyOnAudIssAndForAllValuesAffiliation() {
        String roleArn = role("saml-g68", ASSUME, "{\"StringEquals\":{\"saml:aud\":\"https://signin.aws.amazon.com/saml\","
                + "\"saml:iss\":\"https://openidp.feide.no\"},"
                + "\"ForAllValues:StringLike\":{\"saml:edupersonaffiliation\":[\"staff\"]}}");
        String affiliation = "urn:oid:1.3.6.1.4.1.5923.1.1.1.1";
        assertThat(assume(roleArn, response(roleArn).attribute(affiliation, "staff").signedAssertion(IDP)))
                .as("[staff]").isNotNull();
        notAuthorized(() -> assume(roleArn, response(roleArn).attribute(affiliation, "staff", "student")
                .signedAssertion(IDP)));
        assertThat(assume(roleArn, response(roleArn).signedAssertion(IDP))).as("[]: ForAllValues of nothing")
                .isNotNull();
        TestSaml.Response regional = response(roleArn).attribute(affiliation, "staff");
        regional.recipient = "https://us-east-1.signin.aws.amazon.com/saml";
        notAuthorized(() -> assume(roleArn, regional.signedAssertion(IDP)));
    }

    /** Spec §10 G69: saml:namequalifier and saml:sub_type in the trust policy. */
    @Test
    void g69_trustPolicyOnNameQualifierAndPersistentSubjects() {
        String qualifier = io.sigil.iam.saml.SamlContextKeys.nameQualifier(IDP.entityId(), ACCOUNT,
                "ExampleOrgSSOProvider");
        String roleArn = role("saml-g69", ASSUME, "{\"StringEquals\":{\"saml:sub_type\":\"persistent\","
                + "\"saml:namequalifier\":\"" + qualifier + "\",\"saml:doc\":\"" + ACCOUNT
                + "/ExampleOrgSSOProvider\"}}");
        assertThat(assume(roleArn, response(roleArn).signedAssertion(IDP)).nameQualifier()).isEqualTo(qualifier);
        TestSaml.Response transientSubject = response(roleArn);
        transientSubject.nameIdFormat = TestSaml.TRANSIENT;
        notAuthorized(() -> assume(roleArn, transientSubject.signedAssertion(IDP)));
    }

    @Test
    void principalTags_needTagSession_andBecomeThePrincipalTagsOfTheSession() {
        String listUsersIfEng = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"eng\"}}}]}";
        String noTagSession = role("saml-tags-denied", ASSUME, null);
        TestSaml.Response tagged = response(noTagSession)
                .attribute("https://aws.amazon.com/SAML/Attributes/PrincipalTag:team", "eng");
        notAuthorized(() -> assume(noTagSession, tagged.signedAssertion(IDP)));

        String roleArn = role("saml-tags", ASSUME + ",\"sts:TagSession\"", null);
        SIGIL.root().putRolePolicy(r -> r.roleName("saml-tags").policyName("list").policyDocument(listUsersIfEng));
        for (String team : new String[] {"eng", "ops"}) {
            TestSaml.Response r = response(roleArn)
                    .attribute("https://aws.amazon.com/SAML/Attributes/PrincipalTag:team", team)
                    .attribute("https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys", "team");
            AssumeRoleWithSamlResponse out = assume(roleArn, r.signedAssertion(IDP));
            assertThat(out.packedPolicySize()).as("session tags are packed").isNotNull();
            try (IamClient session = SIGIL.server().iam(out.credentials())) {
                if (team.equals("eng")) {
                    assertThat(session.listUsers().users()).isNotNull();
                } else {
                    refused(() -> session.listUsers(), software.amazon.awssdk.services.iam.model.IamException.class,
                            403, "AccessDenied", null);
                }
            }
        }
    }

    @Test
    void sourceIdentity_needsSetSourceIdentity_andIsAnswered() {
        String attribute = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";
        String without = role("saml-source-denied", ASSUME, null);
        notAuthorized(() -> assume(without, response(without).attribute(attribute, "jdoe").signedAssertion(IDP)));
        String roleArn = role("saml-source", ASSUME + ",\"sts:SetSourceIdentity\"", null);
        assertThat(assume(roleArn, response(roleArn).attribute(attribute, "jdoe").signedAssertion(IDP))
                .sourceIdentity()).isEqualTo("jdoe");
    }

    @Test
    void sessionPolicies_arePacked_andAMalformedOneIsMalformedPolicyDocument() {
        String roleArn = role("saml-session-policy", ASSUME, null);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\"}]}";
        assertThat(assume(roleArn, response(roleArn).signedAssertion(IDP), b -> b.policy(policy)).packedPolicySize())
                .isBetween(1, 100);
        refused(() -> assume(roleArn, response(roleArn).signedAssertion(IDP), b -> b.policy("{\"Statement\":7}")),
                MalformedPolicyDocumentException.class, 400, "MalformedPolicyDocument", null);
    }

    @Test
    void aProviderRequiringEncryption_decryptsWithItsPrivateKey_andRefusesPlainAssertions() {
        java.security.KeyPair decryption = io.sigil.iam.pki.TestPki.rsa(2048);
        String provider = SIGIL.root().createSAMLProvider(r -> r.name("EncryptingIdp")
                .samlMetadataDocument(IDP.metadata())
                .assertionEncryptionMode("Required")
                .addPrivateKey(io.sigil.iam.pki.TestPki.pkcs8(decryption.getPrivate()))).samlProviderArn();
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Federated\":\"" + provider + "\"},\"Action\":\"sts:AssumeRoleWithSAML\"}]}";
        String roleArn = SIGIL.root().createRole(r -> r.roleName("saml-encrypted").assumeRolePolicyDocument(trust))
                .role().arn();
        TestSaml.Response r = new TestSaml.Response(IDP.entityId(), Instant.now()).role(roleArn, provider, "jdoe");
        String encrypted = TestSaml.encode(TestSaml.encryptAssertion(TestSaml.decode(r.signedAssertion(IDP)),
                decryption.getPublic(), true));

        AssumeRoleWithSamlResponse out = anonymous.assumeRoleWithSAML(b -> b.roleArn(roleArn).principalArn(provider)
                .samlAssertion(encrypted));

        assertThat(out.subject()).isEqualTo("jdoe");
        invalidToken(() -> anonymous.assumeRoleWithSAML(b -> b.roleArn(roleArn).principalArn(provider)
                .samlAssertion(r.signedAssertion(IDP))), "The SAML provider requires encrypted SAML assertions");
    }

    @Test
    void theAuditLog_recordsTheCallWithoutTheAssertion() {
        String roleArn = role("saml-audited", ASSUME, null);
        String assertion = response(roleArn).signedAssertion(IDP);
        assume(roleArn, assertion);

        String line = SIGIL.server().awaitAuditLine("\"roleArn\":\"" + roleArn + "\"");

        String qualifier = io.sigil.iam.saml.SamlContextKeys.nameQualifier(IDP.entityId(), ACCOUNT,
                "ExampleOrgSSOProvider");
        assertThat(line).contains("\"userIdentity\":{\"type\":\"SAMLUser\",\"principalId\":\"" + qualifier
                + ":jdoe\",\"userName\":\"jdoe\",\"identityProvider\":\"" + qualifier + "\"}");
        assertThat(line).contains("\"recipientAccountId\":\"" + ACCOUNT + "\"");
        assertThat(line).contains("\"eventName\":\"AssumeRoleWithSAML\"")
                .contains("\"eventSource\":\"sts.amazonaws.com\"").contains("HIDDEN_DUE_TO_SECURITY_REASONS")
                .doesNotContain(assertion.substring(0, 40));
    }

    @Test
    void sessionTagsPackedPastTheirAllotment_arePackedPolicyTooLarge() {
        String roleArn = role("saml-packed", ASSUME + ",\"sts:TagSession\"", null);
        TestSaml.Response r = response(roleArn);
        java.util.Random random = new java.util.Random(68);
        for (int i = 0; i < 20; i++) {
            StringBuilder value = new StringBuilder();
            for (int j = 0; j < 200; j++) {
                value.append((char) ('a' + random.nextInt(26)));
            }
            r.attribute("https://aws.amazon.com/SAML/Attributes/PrincipalTag:t" + i, value.toString());
        }
        StsException e = catchThrowableOfType(StsException.class, () -> assume(roleArn, r.signedAssertion(IDP)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).matches("Packed policy consumes \\d+% of allotted space");
    }

    /**
     * Spec §10 G69 in a permission policy: the session's requests carry saml:namequalifier, saml:sub and
     * saml:sub_type, as conditions and as policy variables.
     */
    @Test
    void g69_theSessionsPermissionPoliciesSeeNameQualifierSubAndSubType() {
        String qualifier = io.sigil.iam.saml.SamlContextKeys.nameQualifier(IDP.entityId(), ACCOUNT,
                "ExampleOrgSSOProvider");
        String roleArn = role("saml-g69-permissions", ASSUME, null);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":user/${saml:sub}\","
                + "\"Condition\":{\"StringEquals\":{\"saml:sub_type\":\"persistent\","
                + "\"saml:namequalifier\":\"" + qualifier + "\"}}}]}";
        SIGIL.root().putRolePolicy(r -> r.roleName("saml-g69-permissions").policyName("own-user")
                .policyDocument(policy));
        SIGIL.root().createUser(r -> r.userName("jdoe"));
        SIGIL.root().createUser(r -> r.userName("someone-else"));
        try {
            AssumeRoleWithSamlResponse persistent = assume(roleArn, response(roleArn).signedAssertion(IDP));
            try (IamClient session = SIGIL.server().iam(persistent.credentials())) {
                assertThat(session.getUser(r -> r.userName("jdoe")).user().userName()).isEqualTo("jdoe");
                refused(() -> session.getUser(r -> r.userName("someone-else")),
                        software.amazon.awssdk.services.iam.model.IamException.class, 403, "AccessDenied", null);
            }
            TestSaml.Response transientSubject = response(roleArn);
            transientSubject.nameIdFormat = TestSaml.TRANSIENT;
            AssumeRoleWithSamlResponse other = assume(roleArn, transientSubject.signedAssertion(IDP));
            try (IamClient session = SIGIL.server().iam(other.credentials())) {
                refused(() -> session.getUser(r -> r.userName("jdoe")),
                        software.amazon.awssdk.services.iam.model.IamException.class, 403, "AccessDenied", null);
            }
        } finally {
            SIGIL.root().deleteUser(r -> r.userName("jdoe"));
            SIGIL.root().deleteUser(r -> r.userName("someone-else"));
        }
    }
}
