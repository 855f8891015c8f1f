package io.sigil.server.sigv4;

import java.util.Optional;

/**
 * Finds the credential of an access key id. Long-term keys resolve from the store; temporary keys resolve from their
 * session token (the token is passed along for that), through this same interface.
 *
 * <p>Answer empty for an unknown key, a key that is not active, or a temporary key whose token is missing or does not
 * belong to it: the verifier then rejects the request with {@code InvalidClientTokenId}, as AWS does.
 *
 * @param <C> the server's credential type
 */
@FunctionalInterface
public interface CredentialLookup<C extends SigningCredential> {
    Optional<C> find(String accessKeyId, Optional<String> sessionToken);
}
