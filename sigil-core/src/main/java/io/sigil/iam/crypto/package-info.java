/**
 * Secrets at rest and constant-time comparison (DESIGN.md, "Secrets and credentials"): AES-256-GCM under a
 * key-encryption key from the data directory or the environment.
 */
package io.sigil.iam.crypto;
