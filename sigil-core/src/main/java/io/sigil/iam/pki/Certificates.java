package io.sigil.iam.pki;

import io.sigil.iam.pki.PkiException.Reason;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * X.509 certificates in PEM, as UploadSigningCertificate and UploadServerCertificate take them ("The server
 * certificate entity includes a public key certificate, a private key, and an optional certificate chain, which
 * should all be PEM-encoded", IAM API Reference, UploadServerCertificate). Parsing uses the JDK's X.509
 * {@link CertificateFactory}; a body must be exactly one {@code CERTIFICATE} block with nothing else but whitespace
 * around it, a chain one or more such blocks.
 */
public final class Certificates {

    private static final String LABEL = "CERTIFICATE";

    private Certificates() {
    }

    /** Exactly one PEM certificate. @throws PkiException MALFORMED otherwise */
    public static X509Certificate parseOne(String pem) {
        List<X509Certificate> all = parseBlocks(pem);
        if (all.size() != 1) {
            throw new PkiException(Reason.MALFORMED, "expected one certificate, found " + all.size());
        }
        return all.get(0);
    }

    /** One or more PEM certificates, in order. @throws PkiException MALFORMED otherwise */
    public static List<X509Certificate> parseChain(String pem) {
        List<X509Certificate> all = parseBlocks(pem);
        if (all.isEmpty()) {
            throw new PkiException(Reason.MALFORMED, "no certificate in the chain");
        }
        return all;
    }

    /** Whether {@code issuer} issued {@code cert}: its subject is the cert's issuer and its key verifies the signature. */
    public static boolean issued(X509Certificate issuer, X509Certificate cert) {
        if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        return verifies(cert, issuer.getPublicKey());
    }

    /** Whether {@code cert} names itself as issuer and its own key verifies its signature. */
    public static boolean selfSigned(X509Certificate cert) {
        return issued(cert, cert);
    }

    /** SHA-256 of the DER, in lower-case hex: the same certificate always has the same digest. */
    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot digest a parsed certificate", e);
        }
    }

    /** The certificate written back as one PEM block. */
    public static String toPem(X509Certificate cert) {
        try {
            return Pem.encode(LABEL, cert.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode a parsed certificate", e);
        }
    }

    private static boolean verifies(X509Certificate cert, PublicKey key) {
        try {
            cert.verify(key);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<X509Certificate> parseBlocks(String pem) {
        Pem.Parsed parsed = Pem.parse(pem);
        if (parsed.strayText()) {
            throw new PkiException(Reason.MALFORMED, "text outside the PEM blocks");
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Pem.Block block : parsed.blocks()) {
            if (!block.label().equals(LABEL)) {
                throw new PkiException(Reason.MALFORMED, "PEM block " + block.label() + " is not a certificate");
            }
            out.add(fromDer(block.der()));
        }
        return out;
    }

    private static X509Certificate fromDer(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            var in = new ByteArrayInputStream(der);
            X509Certificate cert = (X509Certificate) factory.generateCertificate(in);
            if (in.available() > 0) {
                throw new PkiException(Reason.MALFORMED, "trailing bytes after the certificate");
            }
            return cert;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof PkiException p) {
                throw p;
            }
            throw new PkiException(Reason.MALFORMED, "X.509: " + e.getMessage());
        }
    }
}
