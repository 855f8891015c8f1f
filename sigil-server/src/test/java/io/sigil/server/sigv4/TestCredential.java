package io.sigil.server.sigv4;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A credential as a test's store holds it. */
record TestCredential(String accessKeyId, String secretAccessKey, Optional<String> sessionToken,
                      Optional<Instant> expiration) implements SigningCredential {

    static TestCredential longTerm(String accessKeyId, String secret) {
        return new TestCredential(accessKeyId, secret, Optional.empty(), Optional.empty());
    }

    static TestCredential temporary(String accessKeyId, String secret, String token, Instant expiration) {
        return new TestCredential(accessKeyId, secret, Optional.of(token), Optional.of(expiration));
    }

    /**
     * A lookup over fixed credentials; a temporary credential is found only with its own session token, as the
     * server's token decoder would.
     */
    static CredentialLookup<TestCredential> lookup(TestCredential... credentials) {
        Map<String, TestCredential> byId = new java.util.HashMap<>();
        for (TestCredential c : credentials) {
            byId.put(c.accessKeyId(), c);
        }
        return (id, token) -> Optional.ofNullable(byId.get(id))
                .filter(c -> c.sessionToken().isEmpty() || c.sessionToken().equals(token));
    }
}
