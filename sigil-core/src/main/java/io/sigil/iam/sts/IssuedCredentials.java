package io.sigil.iam.sts;

import java.time.Instant;

/** Temporary credentials as STS returns them (API Reference, "Credentials" data type). */
public record IssuedCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    @Override
    public String toString() {
        return "IssuedCredentials[" + accessKeyId + ", expires " + expiration + ", secret=<redacted>]";
    }
}
