/**
 * Temporary security credentials (IAM User Guide, "Temporary security credentials in IAM"; AWS STS API Reference):
 * sessions, their self-contained session tokens, the operations that issue them, and the rules that limit what
 * each kind of temporary credential may call ("Compare AWS STS credentials"; spec §5.8, §10 G89).
 *
 * <p>A session needs no database row (DESIGN.md, "Secrets and credentials"): the token is an authenticated,
 * encrypted blob that carries the whole session, and the secret of its {@code ASIA…} key id is derived from it under
 * a server key, so any node that shares the master key verifies it.
 */
package io.sigil.iam.sts;
