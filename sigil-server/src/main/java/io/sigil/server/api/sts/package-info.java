/**
 * AWS STS operation handlers (AWS STS API Reference, "Actions"): GetCallerIdentity, GetSessionToken,
 * GetFederationToken, GetAccessKeyInfo, DecodeAuthorizationMessage, AssumeRole, AssumeRoot.
 */
package io.sigil.server.api.sts;
