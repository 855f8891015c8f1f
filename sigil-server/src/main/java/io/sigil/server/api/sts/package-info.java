/** AWS STS operation handlers (AWS STS API Reference, "Actions"): GetCallerIdentity. */
package io.sigil.server.api.sts;
