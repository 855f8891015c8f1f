package io.sigil.iam.service;

import io.sigil.iam.error.ErrorCode;
import io.sigil.iam.error.IamException;
import io.sigil.iam.pki.Certificates;
import io.sigil.iam.pki.PkiException;
import io.sigil.iam.pki.PrivateKeys;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What UploadServerCertificate checks before it stores anything (IAM User Guide, "Managing server certificates in
 * IAM" › "Uploading a server certificate"; spec §1.9, §10 H84), in this order:
 * <ol>
 *   <li>the body is one PEM certificate: else MalformedCertificate "Unable to parse certificate. Please ensure the
 *       certificate is in PEM format.";</li>
 *   <li>it is valid now: "The certificate must be valid at the time of upload" — after its NotAfter,
 *       MalformedCertificate "Certificate is no longer valid. The 'Not After' date restriction on the certificate has
 *       passed."; before its NotBefore, the chain-validation text with index -1, which AWS answers for a certificate
 *       "whose validity period begins in the future" (aws-sdk-go issue 2586, AWS's reply);</li>
 *   <li>the private key is PEM and unencrypted ("The private key must be unencrypted. You cannot upload a private key
 *       that is protected by a password or passphrase") and belongs to the certificate: else KeyPairMismatch;</li>
 *   <li>the chain validates: each certificate issued the one before it, the first one the body: else
 *       MalformedCertificate "Unable to validate certificate chain. The certificate chain must start with the
 *       immediate signing certificate, followed by any intermediaries in order. The index within the chain of the
 *       invalid certificate is: N", N = -1 for the body. A body that is not self-signed needs a chain (spec §1.9:
 *       "chain required unless self-signed").</li>
 * </ol>
 * The parse, expiry and chain texts are AWS's, as reported by its users (openshift-ansible issue 11214,
 * terraform-provider-aws pull 7049, go-acme/lego issue 304); AWS does not publish the texts for an unreadable or
 * encrypted private key or a mismatched pair, so those are ours.
 */
final class ServerCertificateChecks {

    static final String UNPARSEABLE = "Unable to parse certificate. Please ensure the certificate is in PEM format.";
    static final String EXPIRED = "Certificate is no longer valid. The 'Not After' date restriction on the "
            + "certificate has passed.";
    static final String CHAIN = "Unable to validate certificate chain. The certificate chain must start with the "
            + "immediate signing certificate, followed by any intermediaries in order. The index within the chain of "
            + "the invalid certificate is: ";
    static final String BAD_KEY = "Unable to parse private key. The private key must be an unencrypted RSA or EC "
            + "key in PEM format.";
    static final String MISMATCH = "The public key certificate and the private key do not match.";

    private ServerCertificateChecks() {
    }

    /** Checks an upload; returns the body's certificate. @throws IamException as listed on the class */
    static X509Certificate check(String body, String privateKeyPem, String chainPem, Instant now) {
        X509Certificate cert;
        try {
            cert = Certificates.parseOne(body);
        } catch (PkiException e) {
            throw malformed(UNPARSEABLE);
        }
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            throw malformed(EXPIRED);
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            throw malformed(CHAIN + -1);
        }
        PrivateKey key;
        try {
            key = PrivateKeys.parse(privateKeyPem);
        } catch (PkiException e) {
            throw malformed(BAD_KEY);
        }
        if (!PrivateKeys.matches(cert.getPublicKey(), key)) {
            throw new IamException(ErrorCode.KEY_PAIR_MISMATCH, MISMATCH);
        }
        checkChain(cert, chainPem, now);
        return cert;
    }

    private static void checkChain(X509Certificate cert, String chainPem, Instant now) {
        if (chainPem == null || chainPem.isBlank()) {
            if (!Certificates.selfSigned(cert)) {
                throw malformed(CHAIN + -1);
            }
            return;
        }
        List<X509Certificate> chain;
        try {
            chain = Certificates.parseChain(chainPem);
        } catch (PkiException e) {
            throw malformed(CHAIN + 0);
        }
        if (!Certificates.issued(chain.get(0), cert)) {
            throw malformed(CHAIN + -1);
        }
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            boolean valid = !now.isAfter(c.getNotAfter().toInstant()) && !now.isBefore(c.getNotBefore().toInstant());
            boolean issuedByNext = i + 1 == chain.size() || Certificates.issued(chain.get(i + 1), c);
            if (!valid || !issuedByNext) {
                throw malformed(CHAIN + i);
            }
        }
    }

    private static IamException malformed(String message) {
        return new IamException(ErrorCode.MALFORMED_CERTIFICATE, message);
    }
}
