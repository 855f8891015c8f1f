/** DER reading and writing (ITU-T X.690) for the PKI helpers; not for use outside {@code io.sigil.iam.pki}. */
package io.sigil.iam.pki.internal;
