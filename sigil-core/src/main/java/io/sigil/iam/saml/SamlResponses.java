package io.sigil.iam.saml;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies a base64 SAML 2.0 Response for AssumeRoleWithSAML (AWS STS API Reference, "AssumeRoleWithSAML"; IAM User
 * Guide, "Configure SAML assertions for the authentication response", "Troubleshooting SAML 2.0 federation"; OASIS
 * SAML 2.0 Core §2–3, Profiles §4.1.4.2–3).
 *
 * <p>Against signature wrapping (Somorovsky et al., "On Breaking SAML", USENIX Security 2012) the data used is only
 * that of the one Assertion that is a direct child of the Response, and it must be covered by a signature that is a
 * direct child of itself or of the Response, whose single Reference names that element's ID, an ID that no other
 * element of the document carries. Only the enveloped-signature and exclusive C14N transforms are allowed, RSA-SHA256
 * (or -SHA384/-SHA512) with SHA-256 (or -384/-512) digests, checked under the JDK's secure validation: the JDK refuses
 * SHA-1 XML signatures by default since 17 and Sigil keeps that. The keys are the provider metadata's certificates of
 * the Issuer's IdP, never a key the message brings.
 */
public final class SamlResponses {

    /** "Token must be redeemed within 5 minutes of issuance", as AWS answers ExpiredTokenException. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Tolerated difference between the IdP's clock and ours, both ways. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final String BAD_BASE64 = "Invalid base64 SAMLResponse";
    static final String NOT_A_RESPONSE = "The SAMLResponse is not a valid SAML 2.0 Response";
    static final String BAD_SIGNATURE = "Response signature invalid";
    static final String UNKNOWN_ISSUER = "Issuer not present in specified provider";
    static final String NO_CONFIRMATION = "Responses must contain SubjectConfirmatonData with a Recipient and "
            + "NotOnOrAfter";
    static final String TOO_OLD = "Token must be redeemed within 5 minutes of issuance";
    static final String EXPIRED = "The SAML assertion has expired";
    static final String NOT_YET_VALID = "The SAML assertion is not yet valid";
    static final String WRONG_AUDIENCE = "The SAML assertion's audience restriction does not include AWS";
    static final String WRONG_RECIPIENT = "The SAML assertion's Recipient is not an AWS sign-in endpoint";
    static final String CANNOT_DECRYPT = "Unable to decrypt the SAML assertion with the provider's private keys";
    static final String ENCRYPTION_REQUIRED = "The SAML provider requires encrypted SAML assertions";
    static final String NOT_SUCCESS = "The identity provider did not report a successful authentication";

    /**
     * Audiences AWS accepts (IAM User Guide, "Configure SAML assertions": "Audience ... https://signin.aws.amazon.com/saml
     * ... or urn:amazon:webservices", and the regional sign-in endpoints https://REGION.signin.aws.amazon.com/saml).
     */
    private static final Pattern AWS_SIGNIN = Pattern.compile(
            "https://([a-z]{2}(-gov)?-[a-z]+-\\d\\.)?signin\\.aws\\.amazon\\.com/saml");
    private static final String WEBSERVICES = "urn:amazon:webservices";

    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);
    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256,
            SignatureMethod.RSA_SHA384, SignatureMethod.RSA_SHA512);
    private static final Set<String> DIGESTS = Set.of(javax.xml.crypto.dsig.DigestMethod.SHA256,
            javax.xml.crypto.dsig.DigestMethod.SHA384, javax.xml.crypto.dsig.DigestMethod.SHA512);

    private SamlResponses() {
    }

    /**
     * The verified assertion, or the refusal AWS would give.
     *
     * @throws IamException InvalidIdentityToken, ExpiredTokenException or IDPRejectedClaim
     */
    public static SamlAssertion verify(String base64, SamlMetadata metadata, Instant now) {
        return verify(base64, metadata, List.of(), false, now);
    }

    /**
     * The verified assertion of a Response whose Assertion may be encrypted to one of the provider's private keys
     * ({@link EncryptedAssertions}). A Response signature covers the Response as sent (with its EncryptedAssertion);
     * an Assertion signature is checked on the decrypted Assertion.
     *
     * @param decryptionKeys     the provider's private keys
     * @param encryptionRequired the provider's {@code AssertionEncryptionMode} is {@code Required}: a plain Assertion
     *                           is refused
     */
    public static SamlAssertion verify(String base64, SamlMetadata metadata, List<PrivateKey> decryptionKeys,
                                       boolean encryptionRequired, Instant now) {
        Document doc = parse(base64);
        Element response = doc.getDocumentElement();
        if (!SecureXml.is(response, Saml2.PROTOCOL, "Response") || !"2.0".equals(response.getAttribute("Version"))) {
            throw invalid(NOT_A_RESPONSE);
        }
        Element sent = onlyAssertion(response);
        Element assertion;
        if (SecureXml.is(sent, Saml2.ASSERTION, "EncryptedAssertion")) {
            requireUniqueIds(doc, List.of(response));
            assertion = EncryptedAssertions.decrypt(sent, decryptionKeys).orElseThrow(() -> invalid(CANNOT_DECRYPT));
            if (!SecureXml.is(assertion, Saml2.ASSERTION, "Assertion") || nestedAssertions(assertion) != 1) {
                throw invalid(NOT_A_RESPONSE);
            }
            requireVersionAndId(assertion);
            requireUniqueIds(assertion.getOwnerDocument(), List.of(assertion));
        } else {
            if (encryptionRequired) {
                throw invalid(ENCRYPTION_REQUIRED);
            }
            assertion = sent;
            requireVersionAndId(assertion);
            requireUniqueIds(doc, List.of(response, assertion));
        }
        String issuer = text(child(assertion, Saml2.ASSERTION, "Issuer"));
        if (issuer == null) {
            throw invalid(NOT_A_RESPONSE);
        }
        String responseIssuer = text(child(response, Saml2.ASSERTION, "Issuer"));
        SamlMetadata.IdentityProvider idp = metadata.issuer(issuer).orElseThrow(() -> invalid(UNKNOWN_ISSUER));
        if (responseIssuer != null && !responseIssuer.equals(issuer)) {
            throw invalid(UNKNOWN_ISSUER);
        }
        verifySignatures(response, assertion, idp.signingCertificates());
        requireSuccess(response);
        checkTimes(response, assertion, now);
        return read(assertion, issuer, now);
    }

    private static Document parse(String base64) {
        byte[] xml;
        try {
            // Line breaks are allowed (an HTTP-POST binding value is often wrapped); anything else outside the
            // base64 alphabet is not.
            xml = Base64.getDecoder().decode(base64.replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw invalid(BAD_BASE64);
        }
        if (xml.length == 0) {
            throw invalid(BAD_BASE64);
        }
        try {
            return SecureXml.parse(xml);
        } catch (SecureXml.XmlException e) {
            throw invalid(NOT_A_RESPONSE);
        }
    }

    /**
     * Exactly one Assertion or EncryptedAssertion, a direct child of the Response; no other assertion anywhere in the
     * document to confuse a reader.
     */
    private static Element onlyAssertion(Element response) {
        List<Element> direct = new ArrayList<>(SecureXml.children(response, Saml2.ASSERTION, "Assertion"));
        direct.addAll(SecureXml.children(response, Saml2.ASSERTION, "EncryptedAssertion"));
        if (direct.size() != 1 || nestedAssertions(response) != 1) {
            throw invalid(NOT_A_RESPONSE);
        }
        return direct.get(0);
    }

    /** Assertions and EncryptedAssertions at any depth under (and including) {@code e}. */
    private static int nestedAssertions(Element e) {
        int n = SecureXml.is(e, Saml2.ASSERTION, "Assertion") || SecureXml.is(e, Saml2.ASSERTION, "EncryptedAssertion")
                ? 1 : 0;
        return n + e.getElementsByTagNameNS(Saml2.ASSERTION, "Assertion").getLength()
                + e.getElementsByTagNameNS(Saml2.ASSERTION, "EncryptedAssertion").getLength();
    }

    private static void requireVersionAndId(Element assertion) {
        if (!"2.0".equals(assertion.getAttribute("Version")) || assertion.getAttribute("ID").isEmpty()) {
            throw invalid(NOT_A_RESPONSE);
        }
    }

    /**
     * Registers the IDs of the Response and the Assertion for reference resolution, after checking that no other
     * element in the document carries either value as an ID-like attribute.
     */
    private static void requireUniqueIds(Document doc, List<Element> signable) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String name : new String[] {"ID", "Id", "id"}) {
                if (e.hasAttribute(name)) {
                    seen.merge(e.getAttribute(name), 1, Integer::sum);
                }
            }
        }
        for (Element e : signable) {
            String id = e.getAttribute("ID");
            if (!id.isEmpty() && seen.getOrDefault(id, 0) != 1) {
                throw invalid(NOT_A_RESPONSE);
            }
            if (!id.isEmpty()) {
                e.setIdAttributeNS(null, "ID", true);
            }
        }
    }

    /** Each signature on the Response or the Assertion must verify; at least one of them must be there. */
    private static void verifySignatures(Element response, Element assertion, List<X509Certificate> trusted) {
        Element onResponse = child(response, SamlMetadata.DS, "Signature");
        Element onAssertion = child(assertion, SamlMetadata.DS, "Signature");
        if (onResponse == null && onAssertion == null) {
            throw invalid(BAD_SIGNATURE);
        }
        if (onResponse != null && !verifies(onResponse, response, trusted)) {
            throw invalid(BAD_SIGNATURE);
        }
        if (onAssertion != null && !verifies(onAssertion, assertion, trusted)) {
            throw invalid(BAD_SIGNATURE);
        }
    }

    private static boolean verifies(Element signature, Element signed, List<X509Certificate> trusted) {
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        for (X509Certificate cert : trusted) {
            DOMValidateContext ctx = new DOMValidateContext(cert.getPublicKey(), signature);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            try {
                XMLSignature s = f.unmarshalXMLSignature(ctx);
                if (!acceptable(s, signed) ) {
                    return false;
                }
                if (s.validate(ctx)) {
                    return true;
                }
            } catch (MarshalException | XMLSignatureException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    /** One Reference, to the signed element's own ID, with only the transforms and algorithms SAML uses. */
    private static boolean acceptable(XMLSignature s, Element signed) {
        List<?> refs = s.getSignedInfo().getReferences();
        if (refs.size() != 1 || !SIGNATURE_METHODS.contains(s.getSignedInfo().getSignatureMethod().getAlgorithm())) {
            return false;
        }
        String c14n = s.getSignedInfo().getCanonicalizationMethod().getAlgorithm();
        if (!c14n.equals(CanonicalizationMethod.EXCLUSIVE) && !c14n.equals(CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS)) {
            return false;
        }
        Reference ref = (Reference) refs.get(0);
        if (!("#" + signed.getAttribute("ID")).equals(ref.getURI())
                || !DIGESTS.contains(ref.getDigestMethod().getAlgorithm())) {
            return false;
        }
        for (Object t : ref.getTransforms()) {
            if (!TRANSFORMS.contains(((Transform) t).getAlgorithm())) {
                return false;
            }
        }
        return true;
    }

    private static void requireSuccess(Element response) {
        Element status = child(response, Saml2.PROTOCOL, "Status");
        Element code = status == null ? null : child(status, Saml2.PROTOCOL, "StatusCode");
        if (code == null || !"urn:oasis:names:tc:SAML:2.0:status:Success".equals(code.getAttribute("Value"))) {
            throw new IamException(ErrorCode.IDP_REJECTED_CLAIM, NOT_SUCCESS);
        }
    }

    /** IssueInstant within five minutes; Conditions' NotBefore and NotOnOrAfter, with {@link #CLOCK_SKEW}. */
    private static void checkTimes(Element response, Element assertion, Instant now) {
        Instant issued = instant(response.getAttribute("IssueInstant"));
        if (issued == null || issued.isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid(issued == null ? NOT_A_RESPONSE : NOT_YET_VALID);
        }
        if (now.isAfter(issued.plus(MAX_AGE).plus(CLOCK_SKEW))) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN, TOO_OLD);
        }
        Element conditions = child(assertion, Saml2.ASSERTION, "Conditions");
        if (conditions == null) {
            throw invalid(WRONG_AUDIENCE);
        }
        Instant notBefore = instant(SecureXml.attribute(conditions, "NotBefore"));
        Instant notOnOrAfter = instant(SecureXml.attribute(conditions, "NotOnOrAfter"));
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore)) {
            throw invalid(NOT_YET_VALID);
        }
        if (notOnOrAfter != null && !now.minus(CLOCK_SKEW).isBefore(notOnOrAfter)) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN, EXPIRED);
        }
        boolean aws = false;
        List<Element> restrictions = SecureXml.children(conditions, Saml2.ASSERTION, "AudienceRestriction");
        for (Element r : restrictions) {
            boolean thisOne = false;
            for (Element a : SecureXml.children(r, Saml2.ASSERTION, "Audience")) {
                String v = text(a);
                thisOne |= v != null && (AWS_SIGNIN.matcher(v).matches() || v.equals(WEBSERVICES));
            }
            if (!thisOne) { // every AudienceRestriction must be met (SAML 2.0 Core §2.5.1.4)
                throw invalid(WRONG_AUDIENCE);
            }
            aws = true;
        }
        if (!aws) {
            throw invalid(WRONG_AUDIENCE);
        }
    }

    private static SamlAssertion read(Element assertion, String issuer, Instant now) {
        Element subject = child(assertion, Saml2.ASSERTION, "Subject");
        Element nameId = subject == null ? null : child(subject, Saml2.ASSERTION, "NameID");
        List<Element> confirmations = subject == null ? List.of()
                : SecureXml.children(subject, Saml2.ASSERTION, "SubjectConfirmation");
        if (confirmations.size() != 1) {
            throw invalid(NO_CONFIRMATION);
        }
        Element data = child(confirmations.get(0), Saml2.ASSERTION, "SubjectConfirmationData");
        String recipient = data == null ? null : SecureXml.attribute(data, "Recipient");
        Instant until = data == null ? null : instant(SecureXml.attribute(data, "NotOnOrAfter"));
        if (recipient == null || until == null) {
            throw invalid(NO_CONFIRMATION);
        }
        if (!AWS_SIGNIN.matcher(recipient).matches()) {
            throw invalid(WRONG_RECIPIENT);
        }
        if (!now.minus(CLOCK_SKEW).isBefore(until)) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN, EXPIRED);
        }
        Element authn = child(assertion, Saml2.ASSERTION, "AuthnStatement");
        Instant session = authn == null ? null : instant(SecureXml.attribute(authn, "SessionNotOnOrAfter"));
        return new SamlAssertion(issuer, text(nameId), nameId == null ? null : SecureXml.attribute(nameId, "Format"),
                recipient, session, attributes(assertion));
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element statement : SecureXml.children(assertion, Saml2.ASSERTION, "AttributeStatement")) {
            for (Element attr : SecureXml.children(statement, Saml2.ASSERTION, "Attribute")) {
                List<String> values = out.computeIfAbsent(attr.getAttribute("Name"), k -> new ArrayList<>());
                for (Element v : SecureXml.children(attr, Saml2.ASSERTION, "AttributeValue")) {
                    values.add(v.getTextContent().strip());
                }
            }
        }
        return out;
    }

    private static Element child(Element parent, String ns, String name) {
        try {
            return SecureXml.child(parent, ns, name);
        } catch (IllegalArgumentException e) {
            throw invalid(NOT_A_RESPONSE);
        }
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    private static Instant instant(String v) {
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v + "Z"); // xs:dateTime without a zone: SAML times are UTC (Core §1.3.3)
            } catch (DateTimeParseException e2) {
                throw invalid(NOT_A_RESPONSE);
            }
        }
    }

    static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }

    /** SAML 2.0 namespaces. */
    static final class Saml2 {
        static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
        static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

        private Saml2() {
        }
    }
}
