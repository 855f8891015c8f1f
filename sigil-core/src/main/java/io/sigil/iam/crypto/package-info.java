/**
 * Secrets at rest and constant-time comparison (DESIGN.md, "Secrets and credentials"): AES-256-GCM under a
 * key-encryption key from the data directory or the environment ({@link io.sigil.iam.crypto.SecretBox}); console
 * passwords as PBKDF2-HMAC-SHA256 hashes (RFC 8018, {@link io.sigil.iam.crypto.Pbkdf2Passwords}); TOTP codes of
 * virtual MFA devices (RFC 6238 over RFC 4226, {@link io.sigil.iam.crypto.Totp}) and their Base32 seeds (RFC 4648,
 * {@link io.sigil.iam.crypto.Base32}).
 */
package io.sigil.iam.crypto;
