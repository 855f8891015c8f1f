package io.sigil.iam.pki;

import io.sigil.iam.pki.internal.Der;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * Keys and certificates for tests, made with the JDK alone: key pairs from {@link KeyPairGenerator}, X.509 v3
 * certificates (RFC 5280 §4.1) assembled with {@link Der} and signed with {@link Signature}, and the PEM encodings
 * IAM takes. No keytool, no files, no BouncyCastle. Shared with the store and server tests as sigil-core's test jar.
 */
public final class TestPki {

    private static final String SHA256_RSA = "1.2.840.113549.1.1.11";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);
    private static final ConcurrentHashMap<Integer, KeyPair> RSA_CACHE = new ConcurrentHashMap<>();
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private TestPki() {
    }

    /** A fresh RSA key pair. */
    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One RSA key pair per size for the whole test run, for tests that only need some key. */
    public static KeyPair sharedRsa(int bits) {
        return RSA_CACHE.computeIfAbsent(bits, TestPki::rsa);
    }

    /** A fresh EC key pair on the named curve, e.g. {@code secp256r1}. */
    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- certificates ----------------------------------------------------------------------------------------

    /** A self-signed certificate for {@code cn}, valid from {@code notBefore} to {@code notAfter}. */
    public static X509Certificate selfSigned(KeyPair keys, String cn, Instant notBefore, Instant notAfter) {
        return issue(keys, cn, keys, cn, notBefore, notAfter, false);
    }

    /** A self-signed certificate valid from an hour ago for a year. */
    public static X509Certificate selfSigned(KeyPair keys, String cn) {
        Instant now = Instant.now();
        return selfSigned(keys, cn, now.minusSeconds(3600), now.plusSeconds(365L * 86400));
    }

    /** A certificate of {@code subjectKeys} for {@code subjectCn}, signed by the issuer's key. */
    public static X509Certificate issue(KeyPair subjectKeys, String subjectCn, KeyPair issuerKeys, String issuerCn,
            Instant notBefore, Instant notAfter, boolean ca) {
        byte[] sigAlg = algorithmIdentifier(issuerKeys.getPrivate());
        byte[] extensions = ca ? Der.explicit(3, Der.sequence(Der.sequence(Der.oid(BASIC_CONSTRAINTS),
                Der.tlv(0x01, new byte[] {(byte) 0xff}), Der.octetString(Der.sequence(Der.tlv(0x01,
                        new byte[] {(byte) 0xff})))))) : new byte[0];
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(2)),
                Der.integer(BigInteger.valueOf(SERIALS.incrementAndGet())),
                sigAlg,
                name(issuerCn),
                Der.sequence(time(notBefore), time(notAfter)),
                name(subjectCn),
                subjectKeys.getPublic().getEncoded(),
                extensions);
        byte[] signature = sign(issuerKeys.getPrivate(), tbs);
        byte[] der = Der.sequence(tbs, sigAlg, Der.bitString(signature));
        return Certificates.parseOne(Pem.encode("CERTIFICATE", der));
    }

    /** A CA certificate valid from an hour ago for a year. */
    public static X509Certificate ca(KeyPair keys, String cn, KeyPair issuerKeys, String issuerCn) {
        Instant now = Instant.now();
        return issue(keys, cn, issuerKeys, issuerCn, now.minusSeconds(3600), now.plusSeconds(365L * 86400), true);
    }

    /** A leaf certificate signed by the issuer, valid from an hour ago for a year. */
    public static X509Certificate leaf(KeyPair keys, String cn, KeyPair issuerKeys, String issuerCn) {
        Instant now = Instant.now();
        return issue(keys, cn, issuerKeys, issuerCn, now.minusSeconds(3600), now.plusSeconds(365L * 86400), false);
    }

    public static String pem(X509Certificate cert) {
        return Certificates.toPem(cert);
    }

    /** Certificates concatenated as a PEM chain. */
    public static String chain(List<X509Certificate> certs) {
        StringBuilder sb = new StringBuilder();
        certs.forEach(c -> sb.append(Certificates.toPem(c)));
        return sb.toString();
    }

    // ---- private keys ----------------------------------------------------------------------------------------

    /** PKCS#8 {@code PRIVATE KEY}. */
    public static String pkcs8(PrivateKey key) {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    /** PKCS#1 {@code RSA PRIVATE KEY}: the key inside the PKCS#8 wrapper. */
    public static String pkcs1(PrivateKey rsaKey) {
        return Pem.encode("RSA PRIVATE KEY", innerKey(rsaKey));
    }

    /** SEC1 {@code EC PRIVATE KEY} with its named curve in {@code [0] parameters}. */
    public static String sec1(PrivateKey ecKey) {
        List<Der.Element> pkcs8 = Der.read(ecKey.getEncoded()).children();
        byte[] curve = Der.oid(pkcs8.get(1).children().get(1).oid());
        List<Der.Element> inner = Der.read(pkcs8.get(2).content()).children();
        byte[] der = Der.sequence(Der.integer(inner.get(0).integer()), Der.octetString(inner.get(1).content()),
                Der.explicit(0, curve));
        return Pem.encode("EC PRIVATE KEY", der);
    }

    /** A PKCS#8 {@code ENCRYPTED PRIVATE KEY} under a passphrase (PBES2, HMAC-SHA256 and AES-256). */
    public static String encryptedPkcs8(PrivateKey key, String passphrase) {
        try {
            String alg = "PBEWithHmacSHA256AndAES_256";
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            PBEParameterSpec spec = new PBEParameterSpec(salt, 10_000);
            var secret = SecretKeyFactory.getInstance(alg).generateSecret(new PBEKeySpec(passphrase.toCharArray()));
            Cipher cipher = Cipher.getInstance(alg);
            cipher.init(Cipher.ENCRYPT_MODE, secret, spec);
            byte[] encrypted = cipher.doFinal(key.getEncoded());
            AlgorithmParameters params = cipher.getParameters();
            // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier { PBES2, PBES2-params }, OCTET STRING }
            byte[] der = Der.sequence(Der.sequence(Der.oid("1.2.840.113549.1.5.13"), params.getEncoded()),
                    Der.octetString(encrypted));
            return Pem.encode("ENCRYPTED PRIVATE KEY", der);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenSSL's legacy passphrase-protected PKCS#1 form, with its RFC 1421 headers. */
    public static String legacyEncryptedPkcs1(PrivateKey rsaKey) {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        byte[] body = innerKey(rsaKey); // not really encrypted: only the headers matter to the parser
        return "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                + java.util.HexFormat.of().withUpperCase().formatHex(iv) + "\n\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body)
                + "\n-----END RSA PRIVATE KEY-----\n";
    }

    // ---- SSH -------------------------------------------------------------------------------------------------

    /** {@code ssh-rsa BASE64 comment}, as ssh-keygen writes an id_rsa.pub. */
    public static String openSsh(KeyPair rsaKeys, String comment) {
        return new SshPublicKey((RSAPublicKey) rsaKeys.getPublic(), false).sshEncoding() + " " + comment;
    }

    /** A PEM SubjectPublicKeyInfo. */
    public static String publicKeyPem(KeyPair keys) {
        return Pem.encode("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static byte[] innerKey(PrivateKey key) {
        return Der.read(key.getEncoded()).children().get(2).content();
    }

    private static byte[] algorithmIdentifier(PrivateKey signer) {
        return signer.getAlgorithm().equals("EC") ? Der.sequence(Der.oid(ECDSA_SHA256))
                : Der.sequence(Der.oid(SHA256_RSA), Der.nullValue());
    }

    private static byte[] sign(PrivateKey key, byte[] tbs) {
        try {
            Signature s = Signature.getInstance(key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                    : "SHA256withRSA");
            s.initSign(key);
            s.update(tbs);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] name(String cn) {
        return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME),
                Der.tlv(Der.UTF8_STRING, cn.getBytes(StandardCharsets.UTF_8)))));
    }

    /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    private static byte[] time(Instant t) {
        boolean utc = t.atZone(ZoneOffset.UTC).getYear() < 2050;
        String text = (utc ? UTC_TIME : GENERALIZED_TIME).format(t);
        return Der.tlv(utc ? Der.UTC_TIME : Der.GENERALIZED_TIME, text.getBytes(StandardCharsets.US_ASCII));
    }
}
