/**
 * AWS STS operation handlers (AWS STS API Reference, "Actions"): GetCallerIdentity, GetSessionToken,
 * GetFederationToken, GetAccessKeyInfo, DecodeAuthorizationMessage.
 */
package io.sigil.server.api.sts;
