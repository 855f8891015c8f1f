/**
 * AWS Signature Version 4 verification for the IAM and STS Query endpoints.
 *
 * <p>Implements the server side of the AWS General Reference pages "Create a signed AWS API request"
 * (canonical request, string to sign, signing key, signature) and "Authentication methods" (the
 * {@code Authorization} header and presigned query strings with {@code X-Amz-*} parameters). The entry
 * point is {@link io.sigil.server.sigv4.SigV4Verifier}: it takes a {@link io.sigil.server.sigv4.SignedRequest}
 * (plain data, no HTTP server types) and the server's clock reading, and answers
 * {@link io.sigil.server.sigv4.Verification.Verified} or {@link io.sigil.server.sigv4.Verification.Rejected}
 * with AWS's error code, HTTP status and message.
 *
 * <p>The details (canonicalisation, parsing, key derivation) live in {@code internal}.
 */
package io.sigil.server.sigv4;
