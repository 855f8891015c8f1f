package io.sigil.iam.model;

import java.util.Objects;

/**
 * An access key with its secret in clear, as needed to verify a SigV4 signature or to answer CreateAccessKey once.
 * {@link #toString()} never shows the secret.
 */
public record AccessKeySecret(AccessKey key, String secretAccessKey) {

    public AccessKeySecret {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "AccessKeySecret[key=" + key + ", secretAccessKey=<redacted>]";
    }
}
