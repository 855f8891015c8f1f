package io.sigil.iam.saml;

import io.sigil.iam.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SAML 2.0 for tests, made with the JDK alone: an IdP with a per-run RSA key and self-signed certificate
 * ({@link TestPki}), its metadata document, and Responses built as the IAM User Guide's "Configure SAML assertions
 * for the authentication response" describes them, signed with {@code javax.xml.crypto.dsig} (enveloped, exclusive
 * C14N, RSA-SHA256) on the Assertion, the Response, or both. Shared with the server tests through the test jar.
 */
public final class TestSaml {

    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String AWS_SIGNIN = "https://signin.aws.amazon.com/saml";
    public static final String ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";
    public static final String SESSION_NAME_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    private TestSaml() {
    }

    /** An identity provider: its entityID (the Issuer), key pair and signing certificate. */
    public record Idp(String entityId, KeyPair keys, X509Certificate certificate) {

        /** A new IdP with a fresh 2048-bit RSA key. */
        public static Idp create(String entityId) {
            KeyPair keys = TestPki.rsa(2048);
            return new Idp(entityId, keys, TestPki.selfSigned(keys, "idp"));
        }

        /** SAML 2.0 IdP metadata (an EntityDescriptor with one signing KeyDescriptor), well over 1,000 characters. */
        public String metadata() {
            return TestSaml.metadata(entityId, List.of(certificate));
        }
    }

    /** Metadata of one IdP with these signing certificates. */
    public static String metadata(String entityId, List<X509Certificate> certs) {
        StringBuilder keys = new StringBuilder();
        for (X509Certificate c : certs) {
            keys.append("<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                    + "<ds:X509Data><ds:X509Certificate>").append(base64(c)).append(
                    "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + entityId
                + "\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + keys + "<md:NameIDFormat>" + PERSISTENT + "</md:NameIDFormat>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                + "Location=\"" + entityId + "/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Response to build: every part settable, defaults as a well-configured IdP sends them at {@code now}. */
    public static final class Response {
        public String issuer;
        public String nameId = "jdoe";
        public String nameIdFormat = PERSISTENT;
        public String recipient = AWS_SIGNIN;
        public List<String> audiences = new ArrayList<>(List.of(AWS_SIGNIN));
        public Instant issueInstant;
        public Instant notBefore;
        public Instant notOnOrAfter;
        public Instant subjectNotOnOrAfter;
        public Instant sessionNotOnOrAfter;
        public boolean withSubjectConfirmation = true;
        public boolean withNameId = true;
        public String status = "urn:oasis:names:tc:SAML:2.0:status:Success";
        public final Map<String, List<String>> attributes = new LinkedHashMap<>();
        public final String responseId = "_" + UUID.randomUUID();
        public final String assertionId = "_" + UUID.randomUUID();

        public Response(String issuer, Instant now) {
            Instant t = now.truncatedTo(ChronoUnit.SECONDS);
            this.issuer = issuer;
            this.issueInstant = t;
            this.notBefore = t.minus(Duration.ofMinutes(1));
            this.notOnOrAfter = t.plus(Duration.ofMinutes(5));
            this.subjectNotOnOrAfter = t.plus(Duration.ofMinutes(5));
        }

        /** The Role attribute value "roleArn,providerArn" and the RoleSessionName attribute. */
        public Response role(String roleArn, String providerArn, String sessionName) {
            attribute(ROLE_ATTRIBUTE, roleArn + "," + providerArn);
            attribute(SESSION_NAME_ATTRIBUTE, sessionName);
            return this;
        }

        public Response attribute(String name, String... values) {
            attributes.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        /** The Response as XML, unsigned. */
        public String xml() {
            StringBuilder a = new StringBuilder();
            a.append("<saml:Assertion xmlns:saml=\"" + ASSERTION + "\" ID=\"").append(assertionId)
                    .append("\" Version=\"2.0\" IssueInstant=\"").append(issueInstant).append("\">")
                    .append("<saml:Issuer>").append(issuer).append("</saml:Issuer><saml:Subject>");
            if (withNameId) {
                a.append("<saml:NameID Format=\"").append(nameIdFormat).append("\">").append(nameId)
                        .append("</saml:NameID>");
            }
            if (withSubjectConfirmation) {
                a.append("<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
                        + "<saml:SubjectConfirmationData Recipient=\"").append(recipient)
                        .append("\" NotOnOrAfter=\"").append(subjectNotOnOrAfter).append("\"/>")
                        .append("</saml:SubjectConfirmation>");
            }
            a.append("</saml:Subject><saml:Conditions NotBefore=\"").append(notBefore).append("\" NotOnOrAfter=\"")
                    .append(notOnOrAfter).append("\"><saml:AudienceRestriction>");
            audiences.forEach(aud -> a.append("<saml:Audience>").append(aud).append("</saml:Audience>"));
            a.append("</saml:AudienceRestriction></saml:Conditions>");
            a.append("<saml:AuthnStatement AuthnInstant=\"").append(issueInstant).append("\"");
            if (sessionNotOnOrAfter != null) {
                a.append(" SessionNotOnOrAfter=\"").append(sessionNotOnOrAfter).append("\"");
            }
            a.append("><saml:AuthnContext><saml:AuthnContextClassRef>"
                    + "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
                    + "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>");
            if (!attributes.isEmpty()) {
                a.append("<saml:AttributeStatement>");
                attributes.forEach((name, values) -> {
                    a.append("<saml:Attribute Name=\"").append(name).append("\">");
                    values.forEach(v -> a.append("<saml:AttributeValue>").append(v).append("</saml:AttributeValue>"));
                    a.append("</saml:Attribute>");
                });
                a.append("</saml:AttributeStatement>");
            }
            a.append("</saml:Assertion>");
            return "<samlp:Response xmlns:samlp=\"" + PROTOCOL + "\" ID=\"" + responseId + "\" Version=\"2.0\" "
                    + "IssueInstant=\"" + issueInstant + "\" Destination=\"" + recipient + "\">"
                    + "<saml:Issuer xmlns:saml=\"" + ASSERTION + "\">" + issuer + "</saml:Issuer>"
                    + "<samlp:Status><samlp:StatusCode Value=\"" + status + "\"/></samlp:Status>"
                    + a + "</samlp:Response>";
        }

        /** Base64 of the Response with its Assertion signed by the IdP's key. */
        public String signedAssertion(Idp idp) {
            return encode(sign(xml(), idp, false, true));
        }

        /** Base64 of the Response signed as a whole (the Assertion unsigned inside it). */
        public String signedResponse(Idp idp) {
            return encode(sign(xml(), idp, true, false));
        }

        /** Base64 of the Response unsigned. */
        public String unsigned() {
            return encode(xml());
        }
    }

    public static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** Signs the Response and/or its Assertion (enveloped, after the Issuer, as SAML 2.0 Core §5.4.1 places it). */
    public static String sign(String responseXml, Idp idp, boolean response, boolean assertion) {
        try {
            Document doc = parse(responseXml);
            Element root = doc.getDocumentElement();
            Element a = (Element) root.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
            if (assertion) {
                signElement(a, idp);
            }
            if (response) {
                signElement(root, idp);
            }
            return serialize(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An enveloped RSA-SHA256 signature of {@code e}, placed right after its Issuer. */
    public static void signElement(Element e, Idp idp) throws Exception {
        e.setIdAttributeNS(null, "ID", true);
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        Reference ref = f.newReference("#" + e.getAttribute("ID"), f.newDigestMethod(DigestMethod.SHA256, null),
                List.of(f.newTransform(Transform.ENVELOPED, (javax.xml.crypto.dsig.spec.TransformParameterSpec) null),
                        f.newTransform(CanonicalizationMethod.EXCLUSIVE,
                                (javax.xml.crypto.dsig.spec.TransformParameterSpec) null)), null, null);
        SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                        (javax.xml.crypto.dsig.spec.C14NMethodParameterSpec) null),
                f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
        KeyInfoFactory kif = f.getKeyInfoFactory();
        KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.of(idp.certificate()))));
        Node issuer = e.getElementsByTagNameNS(ASSERTION, "Issuer").item(0);
        DOMSignContext ctx = new DOMSignContext(idp.keys().getPrivate(), e, issuer.getNextSibling());
        ctx.setDefaultNamespacePrefix("ds");
        f.newXMLSignature(si, ki).sign(ctx);
    }

    /**
     * The Response with its Assertion (signed or not) replaced by an EncryptedAssertion (SAML 2.0 Core §2.3.4): a
     * fresh AES-256 key, AES-GCM or AES-CBC over the Assertion's XML, the key wrapped with RSA-OAEP-MGF1P to
     * {@code recipient} in the EncryptedData's KeyInfo.
     */
    public static String encryptAssertion(String responseXml, java.security.PublicKey recipient, boolean gcm) {
        int start = responseXml.indexOf("<saml:Assertion");
        int end = responseXml.indexOf("</saml:Assertion>") + "</saml:Assertion>".length();
        byte[] plain = responseXml.substring(start, end).getBytes(StandardCharsets.UTF_8);
        try {
            java.security.SecureRandom random = new java.security.SecureRandom();
            byte[] key = new byte[32];
            random.nextBytes(key);
            javax.crypto.spec.SecretKeySpec aes = new javax.crypto.spec.SecretKeySpec(key, "AES");
            byte[] iv = new byte[gcm ? 12 : 16];
            random.nextBytes(iv);
            byte[] body;
            if (gcm) {
                javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
                c.init(javax.crypto.Cipher.ENCRYPT_MODE, aes, new javax.crypto.spec.GCMParameterSpec(128, iv));
                body = c.doFinal(plain);
            } else {
                int pad = 16 - plain.length % 16;
                byte[] padded = java.util.Arrays.copyOf(plain, plain.length + pad);
                padded[padded.length - 1] = (byte) pad;
                javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
                c.init(javax.crypto.Cipher.ENCRYPT_MODE, aes, new javax.crypto.spec.IvParameterSpec(iv));
                body = c.doFinal(padded);
            }
            byte[] data = new byte[iv.length + body.length];
            System.arraycopy(iv, 0, data, 0, iv.length);
            System.arraycopy(body, 0, data, iv.length, body.length);
            javax.crypto.Cipher rsa = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(javax.crypto.Cipher.ENCRYPT_MODE, recipient, new javax.crypto.spec.OAEPParameterSpec("SHA-1",
                    "MGF1", java.security.spec.MGF1ParameterSpec.SHA1, javax.crypto.spec.PSource.PSpecified.DEFAULT));
            byte[] wrapped = rsa.doFinal(key);
            String xenc = "http://www.w3.org/2001/04/xmlenc#";
            String encrypted = "<saml:EncryptedAssertion xmlns:saml=\"" + ASSERTION + "\">"
                    + "<xenc:EncryptedData xmlns:xenc=\"" + xenc + "\" Type=\"" + xenc + "Element\">"
                    + "<xenc:EncryptionMethod Algorithm=\"" + (gcm ? "http://www.w3.org/2009/xmlenc11#aes256-gcm"
                    : xenc + "aes256-cbc") + "\"/>"
                    + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><xenc:EncryptedKey>"
                    + "<xenc:EncryptionMethod Algorithm=\"" + xenc + "rsa-oaep-mgf1p\"/>"
                    + "<xenc:CipherData><xenc:CipherValue>" + Base64.getEncoder().encodeToString(wrapped)
                    + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>"
                    + "<xenc:CipherData><xenc:CipherValue>" + Base64.getEncoder().encodeToString(data)
                    + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></saml:EncryptedAssertion>";
            return responseXml.substring(0, start) + encrypted + responseXml.substring(end);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static String serialize(Document doc) throws Exception {
        javax.xml.transform.Transformer t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter w = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(w));
        return w.toString();
    }
}
