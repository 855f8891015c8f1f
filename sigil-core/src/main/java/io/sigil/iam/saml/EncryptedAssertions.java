package io.sigil.iam.saml;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Decrypts a SAML {@code EncryptedAssertion} (SAML 2.0 Core §2.3.4, §6; W3C XML Encryption 1.1) with the provider's
 * private keys ({@code AddPrivateKey}: "The private key must be a .pem file that uses AES-GCM or AES-CBC encryption
 * algorithm to decrypt SAML assertions", IAM API Reference, CreateSAMLProvider). The content key is transported with
 * RSA-OAEP ({@code rsa-oaep-mgf1p}, or {@code xmlenc11#rsa-oaep} with SHA-1 or SHA-256 digest and MGF1-SHA1); the
 * assertion is AES-GCM (128/192/256, 96-bit IV before the ciphertext, 128-bit tag after) or AES-CBC (128/192/256,
 * IV first, XML Encryption padding). The plaintext is parsed by {@link SecureXml} like any other input.
 */
final class EncryptedAssertions {

    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    private static final String RSA_OAEP_MGF1P = XENC + "rsa-oaep-mgf1p";
    private static final String RSA_OAEP = XENC11 + "rsa-oaep";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private EncryptedAssertions() {
    }

    /** The decrypted Assertion as the root of a document of its own, or empty when no key opens it. */
    static Optional<Element> decrypt(Element encryptedAssertion, List<PrivateKey> keys) {
        Element data = SecureXml.child(encryptedAssertion, XENC, "EncryptedData");
        if (data == null) {
            return Optional.empty();
        }
        Element method = SecureXml.child(data, XENC, "EncryptionMethod");
        byte[] cipherText = cipherValue(data);
        if (method == null || cipherText == null) {
            return Optional.empty();
        }
        for (Element encryptedKey : encryptedKeys(encryptedAssertion, data)) {
            for (PrivateKey key : keys) {
                Optional<byte[]> contentKey = unwrap(encryptedKey, key);
                if (contentKey.isEmpty()) {
                    continue;
                }
                Optional<byte[]> plain = decryptData(method.getAttribute("Algorithm"), contentKey.get(), cipherText);
                if (plain.isPresent()) {
                    try {
                        Document doc = SecureXml.parse(plain.get());
                        return Optional.of(doc.getDocumentElement());
                    } catch (SecureXml.XmlException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** EncryptedKey in the EncryptedData's KeyInfo, or beside the EncryptedData (SAML 2.0 Core §2.3.4). */
    private static List<Element> encryptedKeys(Element encryptedAssertion, Element data) {
        java.util.ArrayList<Element> out = new java.util.ArrayList<>();
        Element info = SecureXml.child(data, SamlMetadata.DS, "KeyInfo");
        if (info != null) {
            out.addAll(SecureXml.children(info, XENC, "EncryptedKey"));
        }
        out.addAll(SecureXml.children(encryptedAssertion, XENC, "EncryptedKey"));
        return out;
    }

    private static byte[] cipherValue(Element e) {
        Element cd = SecureXml.child(e, XENC, "CipherData");
        Element cv = cd == null ? null : SecureXml.child(cd, XENC, "CipherValue");
        if (cv == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(cv.getTextContent().strip());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Optional<byte[]> unwrap(Element encryptedKey, PrivateKey key) {
        Element method = SecureXml.child(encryptedKey, XENC, "EncryptionMethod");
        byte[] wrapped = cipherValue(encryptedKey);
        if (method == null || wrapped == null) {
            return Optional.empty();
        }
        String alg = method.getAttribute("Algorithm");
        String digest = "SHA-1";
        Element dm = SecureXml.child(method, SamlMetadata.DS, "DigestMethod");
        if (dm != null && dm.getAttribute("Algorithm").equals(SHA256)) {
            digest = "SHA-256";
        }
        if (!alg.equals(RSA_OAEP_MGF1P) && !alg.equals(RSA_OAEP)) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.DECRYPT_MODE, key, new OAEPParameterSpec(digest, "MGF1", MGF1ParameterSpec.SHA1,
                    PSource.PSpecified.DEFAULT));
            return Optional.of(c.doFinal(wrapped));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> decryptData(String alg, byte[] key, byte[] data) {
        try {
            if (alg.equals(XENC11 + "aes128-gcm") || alg.equals(XENC11 + "aes192-gcm")
                    || alg.equals(XENC11 + "aes256-gcm")) {
                if (data.length < 12 + 16) {
                    return Optional.empty();
                }
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(128, Arrays.copyOfRange(data, 0, 12)));
                return Optional.of(c.doFinal(data, 12, data.length - 12));
            }
            if (alg.equals(XENC + "aes128-cbc") || alg.equals(XENC + "aes192-cbc") || alg.equals(XENC + "aes256-cbc")) {
                if (data.length < 32 || data.length % 16 != 0) {
                    return Optional.empty();
                }
                Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new IvParameterSpec(Arrays.copyOfRange(data, 0, 16)));
                byte[] padded = c.doFinal(data, 16, data.length - 16);
                int pad = padded[padded.length - 1] & 0xff; // XML Encryption §5.2: last octet counts the padding
                if (pad < 1 || pad > 16) {
                    return Optional.empty();
                }
                return Optional.of(Arrays.copyOf(padded, padded.length - pad));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
