package io.sigil.iam.pki;

import io.sigil.iam.pki.PkiException.Reason;
import io.sigil.iam.pki.internal.Der;
import io.sigil.iam.pki.internal.DerException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Locale;

/**
 * Unencrypted private keys in PEM, as UploadServerCertificate takes them: "The private key must be unencrypted. You
 * cannot upload a private key that is protected by a password or passphrase" (IAM User Guide, "Managing server
 * certificates in IAM"; spec §1.9). Accepted: PKCS#8 {@code PRIVATE KEY} (RFC 5208) of RSA or EC, PKCS#1
 * {@code RSA PRIVATE KEY} (RFC 8017 A.1.2) and SEC1 {@code EC PRIVATE KEY} (RFC 5915). Refused as
 * {@link Reason#ENCRYPTED}: PKCS#8 {@code ENCRYPTED PRIVATE KEY} and OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED}.
 */
public final class PrivateKeys {

    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String EC_OID = "1.2.840.10045.2.1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateKeys() {
    }

    /** Parses one PEM private key. @throws PkiException MALFORMED, ENCRYPTED or UNSUPPORTED */
    public static PrivateKey parse(String pem) {
        Pem.Parsed parsed = Pem.parse(pem);
        if (parsed.blocks().size() != 1 || parsed.strayText()) {
            throw new PkiException(Reason.MALFORMED, "expected exactly one PEM block");
        }
        Pem.Block block = parsed.blocks().get(0);
        String procType = block.headers().getOrDefault("Proc-Type", "");
        if (block.label().equals("ENCRYPTED PRIVATE KEY") || procType.toUpperCase(Locale.ROOT).contains("ENCRYPTED")) {
            throw new PkiException(Reason.ENCRYPTED, "passphrase-protected private key");
        }
        try {
            return switch (block.label()) {
                case "PRIVATE KEY" -> pkcs8(block.der());
                case "RSA PRIVATE KEY" -> pkcs8(wrap(RSA_OID, Der.nullValue(), block.der()));
                case "EC PRIVATE KEY" -> pkcs8(wrap(EC_OID, sec1Curve(block.der()), block.der()));
                default -> throw new PkiException(Reason.UNSUPPORTED, "PEM block " + block.label());
            };
        } catch (DerException | IndexOutOfBoundsException e) {
            throw new PkiException(Reason.MALFORMED, "private key DER: " + e.getMessage());
        }
    }

    /**
     * Whether {@code privateKey} is the private half of {@code publicKey}: equal RSA moduli (and public exponents
     * when the private key carries one), or, for EC, a signature by the private key that the public key verifies.
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (publicKey instanceof RSAPublicKey rsaPublic && privateKey instanceof RSAPrivateKey rsaPrivate) {
            if (!rsaPublic.getModulus().equals(rsaPrivate.getModulus())) {
                return false;
            }
            return !(rsaPrivate instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(rsaPublic.getPublicExponent());
        }
        if (publicKey.getAlgorithm().equals("EC") && privateKey.getAlgorithm().equals("EC")) {
            return signatureVerifies("SHA256withECDSA", publicKey, privateKey);
        }
        return false;
    }

    private static boolean signatureVerifies(String algorithm, PublicKey publicKey, PrivateKey privateKey) {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] sig = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static PrivateKey pkcs8(byte[] der) {
        List<Der.Element> fields = Der.read(der).children();
        String algorithm = fields.get(1).children().get(0).oid();
        String jca;
        if (algorithm.equals(RSA_OID)) {
            jca = "RSA";
        } else if (algorithm.equals(EC_OID)) {
            jca = "EC";
        } else {
            throw new PkiException(Reason.UNSUPPORTED, "private key algorithm " + algorithm);
        }
        try {
            return KeyFactory.getInstance(jca).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new PkiException(Reason.MALFORMED, jca + " private key: " + e.getMessage());
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier { oid, params }, OCTET STRING key }. */
    private static byte[] wrap(String oid, byte[] params, byte[] key) {
        Der.read(key); // one well-formed element, or DerException
        return Der.sequence(Der.integer(BigInteger.ZERO), Der.sequence(Der.oid(oid), params), Der.octetString(key));
    }

    /** The named curve of a SEC1 ECPrivateKey: its {@code [0] parameters} field, required here. */
    private static byte[] sec1Curve(byte[] sec1) {
        for (Der.Element field : Der.read(sec1).children()) {
            if (field.tag() == 0xa0) {
                Der.Element curve = Der.read(field.content());
                curve.oid();
                return Der.oid(curve.oid());
            }
        }
        throw new PkiException(Reason.MALFORMED, "SEC1 EC key without curve parameters");
    }
}
