package io.sigil.server.sigv4;

import java.time.Instant;
import java.util.Optional;

/**
 * What the verifier needs to know about an access key: its secret, and for temporary ({@code ASIA...}) keys when
 * the session ends. The server's own credential type implements this, so that it comes back typed in
 * {@link Verification.Verified#credential()}.
 */
public interface SigningCredential {

    /** The secret access key, as issued (the signing key is derived from {@code "AWS4" + secret}). */
    String secretAccessKey();

    /** When a temporary credential stops being valid; empty for long-term keys. */
    default Optional<Instant> expiration() {
        return Optional.empty();
    }
}
