package io.sigil.iam.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What GetSAMLProvider shows of a private key that decrypts a provider's encrypted assertions (API Reference,
 * "SAMLPrivateKey"): its id and when it was uploaded. The key itself is never shown.
 */
public record SamlPrivateKey(String keyId, Instant timestamp) {
    public SamlPrivateKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
