package io.sigil.iam.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sigil.iam.error.IamException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@link SamlResponses}: what a Response must be for AssumeRoleWithSAML, and the attacks it must refuse (XML
 * signature wrapping, foreign keys, tampering, DTDs).
 */
class SamlResponsesTest {

    private static final TestSaml.Idp IDP = TestSaml.Idp.create("https://idp.example.com/saml");
    private static final SamlMetadata METADATA = SamlMetadata.parse(IDP.metadata());
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String ROLE = "arn:aws:iam::123456789012:role/Admin";
    private static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/Idp";

    private static TestSaml.Response response() {
        return new TestSaml.Response(IDP.entityId(), NOW).role(ROLE, PROVIDER, "jdoe@example.com");
    }

    private static void assertRefused(String base64, String code, String message) {
        IamException e = catchThrowableOfType(IamException.class, () -> SamlResponses.verify(base64, METADATA, NOW));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.safeMessage()).isEqualTo(message);
    }

    @Test
    void signedAssertion_isReadForIssuerSubjectRecipientAndAttributes() {
        SamlAssertion a = SamlResponses.verify(response().signedAssertion(IDP), METADATA, NOW);

        assertThat(a.issuer()).isEqualTo("https://idp.example.com/saml");
        assertThat(a.nameId()).isEqualTo("jdoe");
        assertThat(a.nameIdFormat()).isEqualTo(TestSaml.PERSISTENT);
        assertThat(a.recipient()).isEqualTo(TestSaml.AWS_SIGNIN);
        assertThat(a.values(TestSaml.ROLE_ATTRIBUTE)).containsExactly(ROLE + "," + PROVIDER);
        assertThat(a.values(TestSaml.SESSION_NAME_ATTRIBUTE)).containsExactly("jdoe@example.com");
    }

    @Test
    void signedResponse_coversItsAssertion() {
        assertThat(SamlResponses.verify(response().signedResponse(IDP), METADATA, NOW).nameId()).isEqualTo("jdoe");
    }

    @Test
    void responseAndAssertionBothSigned_isAccepted() {
        String both = TestSaml.encode(TestSaml.sign(response().xml(), IDP, true, true));
        assertThat(SamlResponses.verify(both, METADATA, NOW).issuer()).isEqualTo(IDP.entityId());
    }

    @Test
    void unsignedResponse_isResponseSignatureInvalid() {
        assertRefused(response().unsigned(), "InvalidIdentityToken", "Response signature invalid");
    }

    @Test
    void signatureByAKeyNotInTheMetadata_isResponseSignatureInvalid() {
        TestSaml.Idp impostor = TestSaml.Idp.create(IDP.entityId());
        assertRefused(response().signedAssertion(impostor), "InvalidIdentityToken", "Response signature invalid");
    }

    @Test
    void tamperingAfterSigning_isResponseSignatureInvalid() {
        String signed = TestSaml.decode(response().signedAssertion(IDP));
        String tampered = signed.replace("jdoe</saml:NameID>", "admin</saml:NameID>");
        assertThat(tampered).isNotEqualTo(signed);
        assertRefused(TestSaml.encode(tampered), "InvalidIdentityToken", "Response signature invalid");
    }

    @Test
    void reSignedWithAnotherKeyAfterTampering_isResponseSignatureInvalid() {
        TestSaml.Response evil = response();
        evil.nameId = "admin";
        TestSaml.Idp attacker = TestSaml.Idp.create(IDP.entityId());
        assertRefused(evil.signedResponse(attacker), "InvalidIdentityToken", "Response signature invalid");
    }

    /** The signed assertion is moved under an Extensions-like element and an evil unsigned one takes its place. */
    @Test
    void wrappedSignature_signedAssertionMovedAndEvilAssertionInItsPlace_isRefused() throws Exception {
        TestSaml.Response good = response();
        Document doc = TestSaml.parse(TestSaml.decode(good.signedAssertion(IDP)));
        Element root = doc.getDocumentElement();
        Element signed = (Element) root.getElementsByTagNameNS(TestSaml.ASSERTION, "Assertion").item(0);
        Element evil = (Element) signed.cloneNode(true);
        evil.removeChild(evil.getElementsByTagNameNS(SamlMetadata.DS, "Signature").item(0));
        evil.getElementsByTagNameNS(TestSaml.ASSERTION, "NameID").item(0).setTextContent("admin");
        evil.setAttribute("ID", "_evil");
        Element wrapper = doc.createElementNS(TestSaml.PROTOCOL, "samlp:Extensions");
        root.replaceChild(evil, signed);
        wrapper.appendChild(signed);
        root.insertBefore(wrapper, root.getElementsByTagNameNS(TestSaml.PROTOCOL, "Status").item(0));

        assertRefused(TestSaml.encode(TestSaml.serialize(doc)), "InvalidIdentityToken",
                "The SAMLResponse is not a valid SAML 2.0 Response");
    }

    /** The evil assertion keeps the signed one's ID and carries its (now wrong) signature: duplicate IDs. */
    @Test
    void wrappedSignature_evilAssertionReusingTheSignedId_isRefused() throws Exception {
        Document doc = TestSaml.parse(TestSaml.decode(response().signedResponse(IDP)));
        Element root = doc.getDocumentElement();
        Element signature = (Element) root.getElementsByTagNameNS(SamlMetadata.DS, "Signature").item(0);
        Element original = (Element) root.cloneNode(true);
        root.getElementsByTagNameNS(TestSaml.ASSERTION, "NameID").item(0).setTextContent("admin");
        signature.appendChild(doc.importNode(original, true)); // the original, signed, hidden inside the signature
        assertRefused(TestSaml.encode(TestSaml.serialize(doc)), "InvalidIdentityToken",
                "The SAMLResponse is not a valid SAML 2.0 Response");
    }

    @Test
    void signatureReferencingAnotherElement_isResponseSignatureInvalid() throws Exception {
        // The Response's signature is moved into the Assertion: it references the Response, not its new parent.
        Document doc = TestSaml.parse(TestSaml.decode(response().signedResponse(IDP)));
        Element root = doc.getDocumentElement();
        Element signature = (Element) root.getElementsByTagNameNS(SamlMetadata.DS, "Signature").item(0);
        Element assertion = (Element) root.getElementsByTagNameNS(TestSaml.ASSERTION, "Assertion").item(0);
        root.removeChild(signature);
        assertion.insertBefore(signature, assertion.getFirstChild().getNextSibling());
        assertRefused(TestSaml.encode(TestSaml.serialize(doc)), "InvalidIdentityToken", "Response signature invalid");
    }

    @Test
    void doctypeWithExternalEntity_isRefusedBeforeAnythingIsFetched() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + TestSaml.decode(response().signedAssertion(IDP)).replace("jdoe</saml:NameID>", "&x;</saml:NameID>");
        assertRefused(TestSaml.encode(xxe), "InvalidIdentityToken", "The SAMLResponse is not a valid SAML 2.0 Response");
    }

    @Test
    void billionLaughsDtd_isRefused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<r>&b;</r>";
        assertRefused(TestSaml.encode(bomb), "InvalidIdentityToken", "The SAMLResponse is not a valid SAML 2.0 Response");
    }

    @Test
    void notBase64_isInvalidBase64SamlResponse() {
        assertRefused("%%% not base64 %%%", "InvalidIdentityToken", "Invalid base64 SAMLResponse");
    }

    @Test
    void issuerNotInTheProviderMetadata_isIssuerNotPresent() {
        TestSaml.Idp other = TestSaml.Idp.create("https://other.example.com/saml");
        TestSaml.Response r = new TestSaml.Response(other.entityId(), NOW).role(ROLE, PROVIDER, "jdoe");
        assertRefused(r.signedAssertion(other), "InvalidIdentityToken", "Issuer not present in specified provider");
    }

    @Test
    void issuedMoreThanFiveMinutesAgoPlusSkew_isExpiredTokenException() {
        TestSaml.Response r = new TestSaml.Response(IDP.entityId(), NOW.minus(Duration.ofMinutes(11)))
                .role(ROLE, PROVIDER, "jdoe");
        r.notOnOrAfter = NOW.plus(Duration.ofHours(1));
        r.subjectNotOnOrAfter = NOW.plus(Duration.ofHours(1));
        assertRefused(r.signedAssertion(IDP), "ExpiredTokenException",
                "Token must be redeemed within 5 minutes of issuance");
    }

    @Test
    void conditionsNotOnOrAfterPassed_isExpiredTokenException() {
        TestSaml.Response r = response();
        r.notOnOrAfter = NOW.minus(Duration.ofMinutes(10));
        assertRefused(r.signedAssertion(IDP), "ExpiredTokenException", "The SAML assertion has expired");
    }

    @Test
    void subjectConfirmationNotOnOrAfterPassed_isExpiredTokenException() {
        TestSaml.Response r = response();
        r.subjectNotOnOrAfter = NOW.minus(Duration.ofMinutes(10));
        assertRefused(r.signedAssertion(IDP), "ExpiredTokenException", "The SAML assertion has expired");
    }

    @Test
    void notBeforeInTheFutureBeyondSkew_isNotYetValid() {
        TestSaml.Response r = response();
        r.notBefore = NOW.plus(Duration.ofMinutes(10));
        assertRefused(r.signedAssertion(IDP), "InvalidIdentityToken", "The SAML assertion is not yet valid");
    }

    @Test
    void notBeforeWithinSkew_isAccepted() {
        TestSaml.Response r = response();
        r.notBefore = NOW.plus(Duration.ofMinutes(4));
        assertThat(SamlResponses.verify(r.signedAssertion(IDP), METADATA, NOW).nameId()).isEqualTo("jdoe");
    }

    @Test
    void audienceOtherThanAws_isRefused() {
        TestSaml.Response r = response();
        r.audiences = List.of("https://app.example.com");
        assertRefused(r.signedAssertion(IDP), "InvalidIdentityToken",
                "The SAML assertion's audience restriction does not include AWS");
    }

    @Test
    void audienceUrnAmazonWebservicesAndRegionalSignin_areAccepted() {
        TestSaml.Response r = response();
        r.audiences = List.of("urn:amazon:webservices");
        r.recipient = "https://eu-west-1.signin.aws.amazon.com/saml";
        SamlAssertion a = SamlResponses.verify(r.signedAssertion(IDP), METADATA, NOW);
        assertThat(a.recipient()).isEqualTo("https://eu-west-1.signin.aws.amazon.com/saml");
    }

    @Test
    void recipientOtherThanAnAwsSigninEndpoint_isRefused() {
        TestSaml.Response r = response();
        r.recipient = "https://evil.example.com/saml";
        assertRefused(r.signedAssertion(IDP), "InvalidIdentityToken",
                "The SAML assertion's Recipient is not an AWS sign-in endpoint");
    }

    @Test
    void withoutSubjectConfirmation_isAwsText() {
        TestSaml.Response r = response();
        r.withSubjectConfirmation = false;
        assertRefused(r.signedAssertion(IDP), "InvalidIdentityToken",
                "Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter");
    }

    @Test
    void statusOtherThanSuccess_isIdpRejectedClaim() {
        TestSaml.Response r = response();
        r.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
        assertRefused(r.signedResponse(IDP), "IDPRejectedClaim",
                "The identity provider did not report a successful authentication");
    }

    private static final java.security.KeyPair DECRYPTION = io.sigil.iam.pki.TestPki.rsa(2048);

    private static String encrypted(boolean gcm) {
        String signed = TestSaml.decode(response().signedAssertion(IDP));
        return TestSaml.encode(TestSaml.encryptAssertion(signed, DECRYPTION.getPublic(), gcm));
    }

    @Test
    void encryptedAssertion_aesGcmOrAesCbc_isDecryptedWithTheProvidersKey_andItsSignatureChecked() {
        for (boolean gcm : new boolean[] {true, false}) {
            SamlAssertion a = SamlResponses.verify(encrypted(gcm), METADATA, List.of(DECRYPTION.getPrivate()), true,
                    NOW);
            assertThat(a.nameId()).as(gcm ? "GCM" : "CBC").isEqualTo("jdoe");
        }
    }

    @Test
    void encryptedAssertion_underASignedResponse_isAccepted() {
        String plain = response().xml();
        String signedOverEncrypted = TestSaml.sign(TestSaml.encryptAssertion(plain, DECRYPTION.getPublic(), true),
                IDP, true, false);
        SamlAssertion a = SamlResponses.verify(TestSaml.encode(signedOverEncrypted), METADATA,
                List.of(DECRYPTION.getPrivate()), false, NOW);
        assertThat(a.issuer()).isEqualTo(IDP.entityId());
    }

    @Test
    void encryptedButUnsignedAssertion_isResponseSignatureInvalid() {
        String unsigned = TestSaml.encryptAssertion(response().xml(), DECRYPTION.getPublic(), true);
        IamException e = catchThrowableOfType(IamException.class, () -> SamlResponses.verify(
                TestSaml.encode(unsigned), METADATA, List.of(DECRYPTION.getPrivate()), false, NOW));
        assertThat(e.safeMessage()).isEqualTo("Response signature invalid");
    }

    @Test
    void encryptedAssertion_withoutTheRightKey_cannotBeDecrypted() {
        java.security.PrivateKey other = io.sigil.iam.pki.TestPki.rsa(2048).getPrivate();
        for (List<java.security.PrivateKey> keys : List.of(List.<java.security.PrivateKey>of(), List.of(other))) {
            IamException e = catchThrowableOfType(IamException.class, () -> SamlResponses.verify(encrypted(true),
                    METADATA, keys, false, NOW));
            assertThat(e.code()).isEqualTo("InvalidIdentityToken");
            assertThat(e.safeMessage()).isEqualTo("Unable to decrypt the SAML assertion with the provider's private keys");
        }
    }

    @Test
    void requiredEncryption_refusesAPlainAssertion() {
        IamException e = catchThrowableOfType(IamException.class, () -> SamlResponses.verify(
                response().signedAssertion(IDP), METADATA, List.of(DECRYPTION.getPrivate()), true, NOW));
        assertThat(e.safeMessage()).isEqualTo("The SAML provider requires encrypted SAML assertions");
    }
}
