package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.server.sigv4.SigningCredential;

import java.time.Instant;
import java.util.Optional;

/**
 * An access key's secret and whom it belongs to, as the SigV4 verifier needs it; for a temporary key, also when its
 * session ends (the verifier then answers ExpiredToken).
 *
 * @param expiresAt null for a long-term key
 */
public record KeyCredential(String secretAccessKey, Principal principal, Instant expiresAt)
        implements SigningCredential {
    public KeyCredential(String secretAccessKey, Principal principal) {
        this(secretAccessKey, principal, null);
    }

    @Override
    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public String toString() {
        return "KeyCredential[principal=" + principal.arn() + ", secret=<redacted>]";
    }
}
