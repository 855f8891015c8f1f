package io.sigil.server.api;

import io.sigil.iam.auth.Principal;
import io.sigil.server.sigv4.SigningCredential;

/** A long-term access key's secret and whom it belongs to, as the SigV4 verifier needs it. */
public record KeyCredential(String secretAccessKey, Principal principal) implements SigningCredential {
    @Override
    public String toString() {
        return "KeyCredential[principal=" + principal.arn() + ", secret=<redacted>]";
    }
}
