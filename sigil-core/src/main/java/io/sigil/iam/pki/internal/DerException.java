package io.sigil.iam.pki.internal;

/** DER that does not parse; its message is for logs, never for a response. */
public final class DerException extends RuntimeException {

    public DerException(String message) {
        super(message);
    }
}
