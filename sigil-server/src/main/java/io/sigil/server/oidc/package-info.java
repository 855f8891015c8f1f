/**
 * Web identity tokens for AssumeRoleWithWebIdentity (AWS STS API Reference, "AssumeRoleWithWebIdentity"): the
 * provider's signing keys found through OpenID Connect Discovery 1.0 ({@code ISSUER/.well-known/openid-configuration}
 * › {@code jwks_uri}, §4) and fetched over HTTPS, cached and refreshed when a token names a key the cache lacks; JWS
 * verification (RFC 7515) with asymmetric algorithms only, by nimbus-jose-jwt.
 */
package io.sigil.server.oidc;
