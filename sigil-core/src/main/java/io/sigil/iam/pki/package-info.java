/**
 * Keys and certificates as IAM takes them: SSH public keys (UploadSSHPublicKey), X.509 certificates and chains
 * (UploadSigningCertificate, UploadServerCertificate) and unencrypted private keys (UploadServerCertificate), all
 * parsed with the JDK's own {@code java.security} APIs and a small DER reader. Refusals are
 * {@link io.sigil.iam.pki.PkiException}s with a reason; the services turn them into each operation's AWS error.
 */
package io.sigil.iam.pki;
