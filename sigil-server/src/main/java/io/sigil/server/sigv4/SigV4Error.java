package io.sigil.server.sigv4;

import java.util.Objects;

/**
 * A rejection as AWS words it. The message is safe to show to the client: it never contains the secret, the
 * expected signature or the canonical request.
 */
public record SigV4Error(SigV4ErrorCode code, String message) {
    public SigV4Error {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public int httpStatus() {
        return code.httpStatus();
    }

    /** All SigV4 failures are the caller's fault: {@code <Type>Sender</Type>}. */
    public String type() {
        return "Sender";
    }
}
