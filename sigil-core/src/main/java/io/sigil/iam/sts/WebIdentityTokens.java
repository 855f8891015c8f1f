package io.sigil.iam.sts;

import io.sigil.iam.error.IamException;

/**
 * Reading and verifying web identity tokens (JWTs), kept behind an interface so that the core holds the rules of
 * AssumeRoleWithWebIdentity and the server module the cryptography and the HTTP fetch of the provider's keys.
 */
public interface WebIdentityTokens {

    /**
     * The {@code iss} claim, read without verifying anything: which registered provider must have signed the token.
     *
     * @throws IamException InvalidIdentityToken when the token is not a signed JWT with an issuer
     */
    String issuer(String token);

    /**
     * The token's claims, once its signature verifies with a key of the issuer's JWKS (found through
     * {@code ISSUER/.well-known/openid-configuration}). Times, audience and trust are the caller's to check.
     *
     * @throws IamException InvalidIdentityToken for a bad signature, an unsuitable algorithm or a key the provider
     *     does not publish; IDPCommunicationError when the provider cannot be reached
     */
    WebIdentityClaims verify(String token, String issuerUrl);
}
