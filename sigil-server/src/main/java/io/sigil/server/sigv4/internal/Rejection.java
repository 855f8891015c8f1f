package io.sigil.server.sigv4.internal;

import io.sigil.server.sigv4.SigV4Error;

/**
 * Thrown inside the verifier to stop at the first failed check; the verifier turns it into
 * {@link io.sigil.server.sigv4.Verification.Rejected}. It never escapes the verifier and carries no stack trace.
 */
public final class Rejection extends RuntimeException {
    private final transient SigV4Error error;

    public Rejection(SigV4Error error) {
        super(error.code().code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public SigV4Error error() {
        return error;
    }
}
