package io.sigil.iam.saml;

import io.sigil.iam.Limits;
import io.sigil.iam.error.IamException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A SAML 2.0 IdP metadata document as IAM reads it (IAM User Guide, "Create a SAML identity provider in IAM":
 * "That document includes the issuer's name, expiration information, and keys that can be used to validate the SAML
 * authentication response"; OASIS SAML 2.0 Metadata §2.3–2.4). The root is an {@code EntityDescriptor} or an
 * {@code EntitiesDescriptor} of up to {@value Limits#IDPS_PER_SAML_PROVIDER}; each IdP needs an
 * {@code IDPSSODescriptor} with at least one signing certificate ({@code KeyDescriptor} with {@code use="signing"}
 * or no {@code use}). Troubleshooting SAML 2.0 federation › "Could not parse metadata": the document "must be encoded
 * in UTF-8 format without a byte order mark (BOM)", and a certificate key under 1,024 bits fails with "Unable to
 * parse metadata".
 *
 * @param identityProviders the IdPs, in document order
 * @param validUntil        the root's {@code validUntil}, if it has one
 */
public record SamlMetadata(List<IdentityProvider> identityProviders, Optional<Instant> validUntil) {

    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String COULD_NOT_PARSE = "Could not parse metadata";
    static final String UNABLE_TO_PARSE = "Unable to parse metadata";
    /** "the x.509 certificate ... must use a key size of at least 1024 bits" (spec §6). */
    public static final int MIN_KEY_BITS = 1024;

    /** One IdP: its {@code entityID} (the Issuer of its assertions) and the certificates its signatures verify with. */
    public record IdentityProvider(String entityId, List<X509Certificate> signingCertificates) {
        public IdentityProvider {
            signingCertificates = List.copyOf(signingCertificates);
        }
    }

    public SamlMetadata {
        identityProviders = List.copyOf(identityProviders);
    }

    /** The IdP whose entityID is {@code issuer} (exactly, as SAML compares URIs), if the metadata has it. */
    public Optional<IdentityProvider> issuer(String issuer) {
        return identityProviders.stream().filter(i -> i.entityId().equals(issuer)).findFirst();
    }

    /** @throws IamException InvalidInput "Could not parse metadata" / "Unable to parse metadata" */
    public static SamlMetadata parse(String document) {
        if (document.startsWith("\uFEFF")) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        Document doc;
        try {
            doc = SecureXml.parse(document.getBytes(StandardCharsets.UTF_8));
        } catch (SecureXml.XmlException e) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        Element root = doc.getDocumentElement();
        List<Element> entities = new ArrayList<>();
        if (SecureXml.is(root, MD, "EntityDescriptor")) {
            entities.add(root);
        } else if (SecureXml.is(root, MD, "EntitiesDescriptor")) {
            entities.addAll(SecureXml.children(root, MD, "EntityDescriptor"));
        }
        if (entities.isEmpty() || entities.size() > Limits.IDPS_PER_SAML_PROVIDER) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        List<IdentityProvider> idps = new ArrayList<>();
        int keys = 0;
        for (Element entity : entities) {
            IdentityProvider idp = identityProvider(entity);
            keys += idp.signingCertificates().size();
            idps.add(idp);
        }
        if (keys > Limits.KEYS_PER_SAML_PROVIDER) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        return new SamlMetadata(idps, validUntil(root));
    }

    private static IdentityProvider identityProvider(Element entity) {
        String entityId = SecureXml.attribute(entity, "entityID");
        if (entityId == null || entityId.isBlank()) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Element sso : SecureXml.children(entity, MD, "IDPSSODescriptor")) {
            for (Element kd : SecureXml.children(sso, MD, "KeyDescriptor")) {
                String use = SecureXml.attribute(kd, "use");
                if (use != null && !use.equals("signing")) {
                    continue;
                }
                for (Element info : SecureXml.children(kd, DS, "KeyInfo")) {
                    for (Element data : SecureXml.children(info, DS, "X509Data")) {
                        for (Element c : SecureXml.children(data, DS, "X509Certificate")) {
                            certs.add(certificate(c.getTextContent()));
                        }
                    }
                }
            }
        }
        if (certs.isEmpty()) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        return new IdentityProvider(entityId, certs);
    }

    private static X509Certificate certificate(String base64) {
        X509Certificate cert;
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
        if (cert.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_KEY_BITS) {
            throw IamException.invalidInput(UNABLE_TO_PARSE);
        }
        return cert;
    }

    private static Optional<Instant> validUntil(Element root) {
        String v = SecureXml.attribute(root, "validUntil");
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw IamException.invalidInput(COULD_NOT_PARSE);
        }
    }
}
