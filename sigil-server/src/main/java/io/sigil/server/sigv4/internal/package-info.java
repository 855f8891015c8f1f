/**
 * SigV4 internals: parsing the signature parameters, canonicalisation ("Create a canonical request" in the AWS
 * General Reference page "Create a signed AWS API request"), the string to sign, key derivation and its cache.
 * Nothing outside {@code io.sigil.server.sigv4} imports this package.
 */
package io.sigil.server.sigv4.internal;
