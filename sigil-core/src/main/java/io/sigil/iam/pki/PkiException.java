package io.sigil.iam.pki;

import java.util.Objects;

/**
 * Why a key, certificate or chain was refused. The services map each {@link Reason} to the AWS error of their
 * operation (the same malformed PEM is a {@code MalformedCertificate} with one text for UploadSigningCertificate and
 * another for UploadServerCertificate); the message is detail for logs and tests, never sent to a caller.
 */
public final class PkiException extends RuntimeException {

    /** The kinds of refusal the IAM operations tell apart. */
    public enum Reason {
        /** Not PEM, not base64, not DER, or not the structure expected. */
        MALFORMED,
        /** Well formed, but a key type or encoding IAM does not take (an ed25519 SSH key, a DSA private key). */
        UNSUPPORTED,
        /** A private key protected by a passphrase (PKCS#8 EncryptedPrivateKeyInfo, or OpenSSL's Proc-Type header). */
        ENCRYPTED,
        /** A public key shorter than IAM's minimum. */
        TOO_SHORT
    }

    private final Reason reason;

    public PkiException(Reason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
